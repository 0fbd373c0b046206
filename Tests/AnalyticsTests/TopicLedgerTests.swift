import Analytics
import Testing

/// Tests ``TopicLedger`` on two nights whose topics are plain.
struct TopicLedgerTests {
    func topic(_ id: String, _ members: [Int], _ keywords: [String], goal: String? = nil) -> Topic {
        Topic(
            id: id, goal: goal, members: members, label: keywords.joined(separator: " · "),
            keywords: keywords.map { TopicKeyword(stem: $0, display: $0, weight: 1) }, quotes: [])
    }

    func previous(_ id: String, _ members: [Int], _ keywords: [String]) -> TopicLedger.Previous {
        TopicLedger.Previous(id: id, goal: nil, members: Set(members.map { "c\($0)" }), keywords: Set(keywords))
    }

    let ids = (0..<40).map { "c\($0)" }

    @Test func aTopicStillThereKeepsItsIdAndNewOnesGetUnusedNumbers() {
        // Night 1: T1 cycling (0–9), T2 buses (10–19), T3 parking (20–24); T4 was used before and ended.
        let before = [
            previous("T1", Array(0..<10), ["rad", "weg"]), previous("T2", Array(10..<20), ["bus"]),
            previous("T3", Array(20..<25), ["park"]),
        ]
        // Night 2, numbered afresh by size: buses grew, cycling kept, parking gone, a new topic on trees.
        let now = [
            topic("T1", Array(10..<22), ["bus", "takt"]), topic("T2", Array(0..<9), ["rad", "weg"]),
            topic("T3", Array(30..<36), ["baum"]),
        ]
        let result = TopicLedger().reconcile(current: now, commentIDs: ids, previous: before, highestNumbers: ["": 4])
        #expect(result.topics.map(\.id) == ["T2", "T1", "T5"])
        #expect(result.events.contains(TopicLedger.Event(kind: .born, topic: "T5", other: nil)))
        #expect(result.events.contains(TopicLedger.Event(kind: .ended, topic: "T3", other: nil)))
        #expect(result.highestNumbers[""] == 5)
    }

    @Test func mergesAndSplitsAreTold() {
        let before = [
            previous("T1", Array(0..<10), ["rad"]), previous("T2", Array(10..<14), ["lastenrad"]),
            previous("T3", Array(20..<32), ["bus", "bahn"]),
        ]
        // Cycling absorbed cargo bikes; buses and trams split in two.
        let now = [
            topic("T1", Array(0..<14), ["rad"]), topic("T2", Array(20..<26), ["bus"]), topic("T3", Array(26..<32), ["bahn"]),
        ]
        let events = TopicLedger().reconcile(current: now, commentIDs: ids, previous: before, highestNumbers: [:]).events
        #expect(events.contains(TopicLedger.Event(kind: .merged, topic: "T2", other: "T1")))
        #expect(events.filter { $0.kind == .split }.map(\.other) == ["T3"])
        #expect(!events.contains { $0.kind == .ended })
    }

    @Test func theSameTopicsAgainChangeNothing() {
        let now = [topic("T1", Array(0..<10), ["rad"]), topic("g.T1", Array(10..<20), ["bus"], goal: "g")]
        let before = [
            previous("T1", Array(0..<10), ["rad"]),
            TopicLedger.Previous(id: "g.T1", goal: "g", members: Set((10..<20).map { "c\($0)" }), keywords: ["bus"]),
        ]
        let result = TopicLedger().reconcile(current: now, commentIDs: ids, previous: before, highestNumbers: ["": 1, "g": 1])
        #expect(result.topics == now)
        #expect(result.events.isEmpty)
        #expect(result.highestNumbers == ["": 1, "g": 1])
    }
}
