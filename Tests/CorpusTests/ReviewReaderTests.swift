import Corpus
import Foundation
import Testing
import _TestSupport

/// Tests ``ReviewReader``: what it accepts, and that every other row is listed with its line.
struct ReviewReaderTests {
    let measures: Set<String> = ["mobil.rad", "mobil.bus"]

    @Test func readsTheFilledInQueueAndListsEveryBadRow() throws {
        let csv = """
            \u{FEFF}comment_id;measure_id;decision;reviewer;date;text
            c1;mobil.rad;accept;anna;2026-11-20;Radwege!
            c1;mobil.bus;Ablehnen;anna;2026-11-20;Radwege!
            c2;mobil.bus;;;;nicht ausgefüllt
            c3;mobil.rad;vielleicht;anna;;x
            c4;mobil.tram;assign;anna;;x
            ;mobil.rad;accept;anna;;x
            c5;mobil.bus;ZUORDNEN;;;"mehrzeilig
            Text"

            """
        let file = try ReviewReader.read(Fixtures.temporaryFile("review.csv", csv), measureIDs: measures)
        #expect(file.decisions.map(\.decision) == [.accept, .reject, .assign])
        #expect(file.decisions.map(\.commentID) == ["c1", "c1", "c5"])
        #expect(file.decisions[0].reviewer == "anna" && file.decisions[0].date == "2026-11-20")
        #expect(file.decisions[2].reviewer == nil)
        #expect(file.blank == 1)
        #expect(file.rejected.map(\.source.line) == [5, 6, 7])
        #expect(file.rejected[0].reason.contains("unknown decision 'vielleicht'"))
        #expect(file.rejected[1].reason.contains("unknown measure 'mobil.tram'"))
        #expect(file.rejected[2].reason == "no comment id")
        #expect(file.rowsRead == 7)
    }

    @Test func readsJSONLines() throws {
        let jsonl = """
            {"comment_id": "c1", "measure_id": "mobil.rad", "decision": "reject", "reviewer": "ben", "date": "2026-11-21"}

            {"comment": "c2", "measure": "mobil.bus", "decision": "accept"}
            not json
            """
        let file = try ReviewReader.read(Fixtures.temporaryFile("review.jsonl", jsonl), measureIDs: measures)
        #expect(file.decisions.map(\.commentID) == ["c1", "c2"])
        #expect(file.decisions[0].source.line == 1 && file.decisions[1].source.line == 3)
        #expect(file.rejected.map(\.source.line) == [4])
    }

    @Test func theQueueFileRoundTrips() throws {
        // As `review queue` writes it: Excel-safe ids, a suggestion the reviewer overwrote, a
        // comment that fits nothing, and the preferred field name winning over its alias.
        let csv = """
            \u{FEFF}comment_id;measure_id;decision;reviewer;date;suggested_measure_id
            '-401;mobil.rad;accept;anna;;mobil.rad
            c2;mobil.bus;assign;anna;;mobil.rad
            c3;;ablehnen;anna;;
            c4;;accept;anna;;

            """
        let file = try ReviewReader.read(Fixtures.temporaryFile("queue.csv", csv), measureIDs: measures)
        let decisions = file.decisions.map { "\($0.commentID) \($0.measureID) \($0.decision)" }
        #expect(decisions == ["-401 mobil.rad accept", "c2 mobil.bus assign", "c2 mobil.rad reject", "c3 * reject"])
        #expect(file.rejected.map(\.source.line) == [5])
        #expect(file.rejected.first?.reason.hasPrefix("no measure id") == true)

        let jsonl =
            "{\"comment\": \"old\", \"comment_id\": \"c1\", \"measure_id\": \"mobil.rad\", \"decision\": \"accept\"}\r\n"
            + "{\"comment_id\": \"c2\", \"measure_id\": \"mobil.bus\", \"decision\": \"reject\"}\r\n"
        let lines = try ReviewReader.read(Fixtures.temporaryFile("review.jsonl", jsonl), measureIDs: measures)
        #expect(lines.decisions.map(\.commentID) == ["c1", "c2"])
        #expect(lines.decisions.map(\.source.line) == [1, 2])
        #expect(lines.rejected.isEmpty)
    }

    @Test func aFileWithoutTheDecisionColumnIsRefused() {
        #expect(throws: CorpusError.self) {
            _ = try ReviewReader.read(
                Fixtures.temporaryFile("review.csv", "comment_id,measure_id\nc1,mobil.rad\n"), measureIDs: measures)
        }
    }
}
