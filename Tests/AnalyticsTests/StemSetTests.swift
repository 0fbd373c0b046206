import Analytics
import PropertyBased
import Testing
import _TestSupport

/// Tests ``StemSet`` against `Set<String>`: the same members, counts, intersections and filters,
/// whatever the terms (canonically equivalent spellings count as one, as in a `Set`).
struct StemSetTests {
    @Test func holdsEachTermOnceInOrder() {
        let set = StemSet(["rad", "bus", "rad", "weg", "bus"])
        #expect(Array(set) == ["bus", "rad", "weg"])
        #expect(set.contains("rad") && !set.contains("zug") && !set.contains(""))
        #expect(StemSet().isEmpty && StemSet([String]()).count == 0)
        #expect(set == ["weg", "bus", "rad"])
    }

    @Test func canonicallyEquivalentSpellingsAreOneTerm() {
        // "ä" precomposed and as "a" + combining diaeresis are equal Strings, so one member.
        let set = StemSet(["\u{E4}", "a\u{308}"])
        #expect(set.count == 1 && set.contains("a\u{308}") && set.contains("\u{E4}"))
    }

    @Test func agreesWithSetOnHostileTerms() async {
        await propertyCheck(count: 300, input: HostileText.piece.array(of: 0...24)) { pieces in
            let (first, second) = (Array(pieces.prefix(pieces.count / 2)), Array(pieces.dropFirst(pieces.count / 2)))
            let (a, b) = (StemSet(first), StemSet(second))
            let (setA, setB) = (Set(first), Set(second))
            #expect(a.count == setA.count)
            #expect(Set(a) == setA)
            #expect(a.terms == a.terms.sorted())
            #expect(a.intersectionCount(b) == setA.intersection(setB).count)
            #expect(a.union(b) == StemSet(first + second) && Set(a.union(b)) == setA.union(setB))
            #expect(second.allSatisfy { a.contains($0) == setA.contains($0) })
            #expect(Set(a.filter { $0.utf8.count > 3 }) == setA.filter { $0.utf8.count > 3 })
        }
    }
}
