import Testing
@testable import Gazetteer

@Suite struct EditDistanceTests {
    /// Myers' bit-vector distance agrees with the plain dynamic programme.
    @Test func bitVectorMatchesDynamicProgramme() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcde ".utf8)
        for _ in 0..<2000 {
            let a = (0..<Int.random(in: 1...70, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            var b = a
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                switch Int.random(in: 0..<3, using: &generator) {
                case 0 where !b.isEmpty: b.remove(at: Int.random(in: 0..<b.count, using: &generator))
                case 1: b.insert(alphabet.randomElement(using: &generator)!, at: Int.random(in: 0...b.count, using: &generator))
                default: if !b.isEmpty { b[Int.random(in: 0..<b.count, using: &generator)] = alphabet.randomElement(using: &generator)! }
                }
            }
            let limit = Int.random(in: 0...5, using: &generator)
            let expected = EditDistanceReference.distance(a, b)
            let matcher = EditDistance.Matcher(pattern: a)
            let found = b.withUnsafeBufferPointer { matcher.distance(to: $0, limit: limit) }
            if expected <= limit {
                #expect(found == expected, "\(String(decoding: a, as: UTF8.self)) / \(String(decoding: b, as: UTF8.self))")
            } else {
                #expect(found > limit)
            }
        }
    }
}

extension EditDistanceTests {
    /// One implementation serves characters and bytes: a letter with a
    /// diacritic is one character edit but two byte edits.
    @Test func charactersAndBytesShareOneProgramme() {
        #expect(EditDistance.between("Karbalā", "Karbala", limit: 3) == 1)
        #expect(EditDistance.between(Array("Karbalā".utf8), Array("Karbala".utf8), limit: 3) == 2)
        #expect(EditDistance.between("Baghdad", "Bagdad", limit: 0) == 1, "above the limit: limit + 1")
        #expect(EditDistance.between("", "abc", limit: 5) == 3)
    }
}

enum EditDistanceReference {
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
