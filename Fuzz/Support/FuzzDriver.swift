import Foundation

/// Runs a fuzz target's input function without libFuzzer: every file of
/// the corpus, then seeded random mutations of them. Used by `make test`
/// (a short smoke run) and wherever libFuzzer is not available.
///
/// Arguments: `[corpus-dir] [--iterations N] [--seed S]`.
public enum FuzzDriver {
    public static func smokeRun(name: String, arguments: [String], _ body: (Data) -> Void) -> Int32 {
        var corpusPath: String?
        var iterations = 2_000
        var seed: UInt64 = 20_201_220
        var index = 0
        while index < arguments.count {
            switch arguments[index] {
            case "--iterations":
                index += 1
                iterations = index < arguments.count ? Int(arguments[index]) ?? iterations : iterations
            case "--seed":
                index += 1
                seed = index < arguments.count ? UInt64(arguments[index]) ?? seed : seed
            default:
                corpusPath = arguments[index]
            }
            index += 1
        }
        var corpus = [Data]()
        if let corpusPath, let names = try? FileManager.default.contentsOfDirectory(atPath: corpusPath) {
            for name in names.sorted() {
                if let data = FileManager.default.contents(atPath: corpusPath + "/" + name) { corpus.append(data) }
            }
        }
        if corpus.isEmpty { corpus = [Data()] }
        for input in corpus { body(input) }
        var random = SplitMix64(state: seed)
        for _ in 0..<iterations {
            body(mutate(corpus[Int(random.next() % UInt64(corpus.count))], &random))
        }
        print("\(name): \(corpus.count) corpus inputs and \(iterations) mutations ran without a crash")
        return 0
    }

    /// A byte-level mutation: flips, inserts, deletes, duplicates a span, or
    /// splices in interesting bytes (quotes, brackets, digits, UTF-8).
    static func mutate(_ input: Data, _ random: inout SplitMix64) -> Data {
        var bytes = [UInt8](input)
        let interesting: [[UInt8]] = [
            Array("\"".utf8), Array("[".utf8), Array("]".utf8), Array("{".utf8), Array("}".utf8), Array(",".utf8),
            Array(":".utf8), Array("\n".utf8), Array("-".utf8), Array("nan".utf8), Array("1e308".utf8),
            Array("95".utf8), Array("-180".utf8), Array("é".utf8), Array("\u{FEFF}".utf8), [0], [0xFF], [0xC3],
            Array("  - ".utf8), Array("&".utf8), Array("*a".utf8), Array("!!".utf8),
        ]
        for _ in 0...Int(random.next() % 4) {
            let position = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count + 1))
            switch random.next() % 5 {
            case 0 where !bytes.isEmpty && position < bytes.count:
                bytes[position] ^= UInt8(1 << (random.next() % 8))
            case 1:
                bytes.insert(contentsOf: interesting[Int(random.next() % UInt64(interesting.count))], at: position)
            case 2 where !bytes.isEmpty && position < bytes.count:
                bytes.removeSubrange(position..<min(bytes.count, position + 1 + Int(random.next() % 8)))
            case 3 where !bytes.isEmpty && position < bytes.count:
                let span = bytes[position..<min(bytes.count, position + 1 + Int(random.next() % 32))]
                bytes.insert(contentsOf: span, at: position)
            default:
                bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
            }
        }
        return Data(bytes)
    }
}

/// SplitMix64: a small fixed-seed generator.
public struct SplitMix64: RandomNumberGenerator {
    public var state: UInt64
    public init(state: UInt64) { self.state = state }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

#if FUZZING
/// libFuzzer's entry for programs that bring their own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
public func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
#endif

/// The bytes libFuzzer hands over, as Data.
public func fuzzData(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> Data {
    guard let bytes, size > 0 else { return Data() }
    return Data(bytes: bytes, count: size)
}
