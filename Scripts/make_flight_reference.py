#!/usr/bin/env python3
"""Generate the reference table for minimum-energy ballistic flights.

Usage (from the repository root):

    python3 Scripts/make_flight_reference.py

Writes ``Tests/GeodesyTests/Fixtures/flight.csv``:

``range_m,flight_time_s,apogee_m,burnout_speed_ms,burnout_angle_deg,landed_range_m``

Independently of ThreatMap's closed form, each row flies the trajectory:
the burnout state of the minimum-energy shot (flight-path angle 45° - θ/4,
speed from v²R/μ = 2 sin(θ/2) / (1 + sin(θ/2))), integrated in the plane
of the orbit under inverse-square gravity (vacuum, spherical non-rotating
Earth of radius 6,371 km, μ of WGS84) with a fixed-step fourth-order
Runge-Kutta until the missile is back at the surface. The time, the
highest point and the ground range where it lands are what the test
compares with; ``landed_range_m`` checks that the state given is indeed a
shot over ``range_m``. Plain Python, no packages; deterministic.
"""

import math
import os

R = 6_371_000.0
MU = 3.986004418e14
RANGES_KM = [1, 40, 300, 700, 2000, 3700, 6759, 10000, 15000]


def burnout(range_m):
    theta = range_m / R
    s = math.sin(theta / 2)
    gamma = math.pi / 4 - theta / 4
    v = math.sqrt(MU / R * 2 * s / (1 + s))
    return v, gamma


def fly(range_m, steps=200_000):
    v, gamma = burnout(range_m)
    # Position (x, y) with the launch point at (0, R); velocity tilted
    # downrange (+x) by gamma above the local horizon.
    state = [0.0, R, v * math.cos(gamma), v * math.sin(gamma)]

    def derivative(st):
        x, y, vx, vy = st
        r3 = (x * x + y * y) ** 1.5
        return [vx, vy, -MU * x / r3, -MU * y / r3]

    # A step a little finer than needed for the longest flight: the period
    # bounds the time of flight.
    a = R * (1 + math.sin(range_m / R / 2)) / 2
    period = 2 * math.pi * math.sqrt(a ** 3 / MU)
    dt = period / steps
    t = 0.0
    apogee = 0.0
    previous = state
    while True:
        k1 = derivative(state)
        k2 = derivative([s + dt / 2 * k for s, k in zip(state, k1)])
        k3 = derivative([s + dt / 2 * k for s, k in zip(state, k2)])
        k4 = derivative([s + dt * k for s, k in zip(state, k3)])
        nxt = [s + dt / 6 * (a1 + 2 * a2 + 2 * a3 + a4) for s, a1, a2, a3, a4 in zip(state, k1, k2, k3, k4)]
        r = math.hypot(nxt[0], nxt[1])
        if r < R and t > 0:
            # Back at the surface between two steps: interpolate linearly.
            r0 = math.hypot(state[0], state[1])
            f = (r0 - R) / (r0 - r)
            t += f * dt
            x = state[0] + f * (nxt[0] - state[0])
            y = state[1] + f * (nxt[1] - state[1])
            landed = R * math.atan2(x, y)
            return t, apogee, v, math.degrees(gamma), landed
        previous, state = state, nxt
        t += dt
        apogee = max(apogee, r - R)


def main():
    out = os.path.join("Tests", "GeodesyTests", "Fixtures", "flight.csv")
    with open(out, "w") as f:
        f.write("range_m,flight_time_s,apogee_m,burnout_speed_ms,burnout_angle_deg,landed_range_m\n")
        for km in RANGES_KM:
            range_m = km * 1000.0
            t, apogee, v, gamma, landed = fly(range_m)
            f.write(f"{range_m:.1f},{t:.4f},{apogee:.2f},{v:.4f},{gamma:.6f},{landed:.2f}\n")
    print("wrote", out)


if __name__ == "__main__":
    main()
