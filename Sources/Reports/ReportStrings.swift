/// The languages reports are written in (`--lang`).
public enum ReportLanguage: String, Sendable, CaseIterable, Codable {
    case de, en
}

/// Every sentence and number format the reports print. The defaults are German; the English set
/// is in `ReportStrings+English.swift`. One place, so the renderers hold no language.
struct ReportStrings: Sendable {
    /// `0.756` → `76 %` (German) or `76%` (English).
    var percent: @Sendable (Double) -> String = GermanFormat.percent
    /// A decimal with `places` places: `0,75` or `0.75`.
    var decimal: @Sendable (Double, Int) -> String = { GermanFormat.decimal($0, places: $1) }
    /// An ISO date as `05.10.2026` or `2026-10-05`.
    var date: @Sendable (String) -> String = GermanFormat.date
    /// Labels of redacted details.
    var redaction = Redactor.Labels.german
    var goalsChartTitle = "Beiträge je Ziel"
    var measuresChartTitle: @Sendable (String) -> String = { "Anteil je Maßnahme: \($0)" }
    var topicsChartTitle = "Themen der ganzen Beteiligung"
    var trend: @Sendable (String, String, String) -> String = { start, sparkline, counts in
        "Verlauf je Woche (ab \(start)): \(sparkline) (\(counts))"
    }
    var newSinceLastRun: @Sendable (Int) -> String = { "; seit dem letzten Lauf: +\($0)" }
    /// A short quotation inside a sentence.
    var quoted: @Sendable (String) -> String = { "„" + $0 + "“" }
    var reportTitle: @Sendable (String) -> String = { "Resonanz: \($0)" }
    var dataAsOf: @Sendable (String) -> String = { "Auswertung der Beteiligung, Daten bis \($0)." }
    var noDates = "Auswertung der Beteiligung (die Beiträge tragen kein Datum)."
    var atAGlance = "Auf einen Blick"
    var figure = "Kennzahl"
    var value = "Wert"
    var input = "Eingabe"
    /// Rows read, files, accepted (and how many repeated a comment of an earlier file), rejected.
    var inputSummary: @Sendable (Int, Int, Int, Int, Int) -> String = { rows, files, accepted, repeated, rejected in
        "\(rows) \(rows == 1 ? "Zeile" : "Zeilen") aus \(files) \(files == 1 ? "Datei" : "Dateien") gelesen: \(accepted) angenommen"
            + (repeated > 0 ? " (davon \(repeated) in einer späteren Datei dieses Laufs noch einmal, dort gezählt)" : "")
            + ", \(rejected) nicht angenommen" + (rejected > 0 ? " (Gründe in `rejected.jsonl`)" : "") + "."
    }
    var columnsUsed = "Spalten"
    var notUsed = "nicht verwendet"
    var inputWarnings = "Hinweise zur Eingabe"
    var noInput = "Dieser Lauf hat keine Dateien gelesen."
    var withdrawnRows: @Sendable (Int) -> String = { rows in
        "\(rows) \(rows == 1 ? "Zeile betraf einen zurückgezogenen Beitrag" : "Zeilen betrafen zurückgezogene Beiträge") und \(rows == 1 ? "wurde" : "wurden") nicht übernommen."
    }
    var withdrawnComments: @Sendable (Int) -> String = { count in
        "\(count) \(count == 1 ? "Beitrag wurde" : "Beiträge wurden") zurückgezogen (gelöscht auf Wunsch oder durch die Moderation) und \(count == 1 ? "ist" : "sind") in keiner Zahl dieses Berichts enthalten."
    }
    /// A kind of input warning, for the summary: what happened and what the tool did.
    var warningKind: @Sendable (String) -> String = { kind in
        switch kind {
        case "unknown_goal": return "Ziel unbekannt, Beitrag ohne Ziel gezählt"
        case "unreadable_date": return "Datum nicht lesbar, Beitrag ohne Datum gezählt"
        case "extra_cells": return "Zeile mit mehr Zellen als die Kopfzeile"
        case "encoding": return "Zeichenkodierung"
        case "empty_file": return "Datei ohne Zeilen"
        case "repaired_text": return "Text mit zerschnittenen Zeichen, repariert"
        default: return "Sonstiges"
        }
    }
    var analysed = "Beiträge ausgewertet (alle bisher eingegangenen)"
    var participants = "verschiedene Pseudonyme"
    var period = "Zeitraum"
    var assignedTotal = "einer Maßnahme zugeordnet"
    var uncertainTotal = "unsicher, zur Prüfung"
    var unassignedTotal = "keiner Maßnahme zugeordnet"
    var withoutGoal = "ohne Angabe eines Ziels"
    var distinctContributions = "eigenständige Beiträge (Duplikate und Kampagnentexte einmal gezählt)"
    var campaigns: @Sendable (Int, Int) -> String = { comments, groups in
        "\(comments) in \(groups) \(groups == 1 ? "Gruppe" : "Gruppen")"
    }
    var campaignRow = "Kampagnentexte (nahezu gleiche Beiträge)"
    var exactDuplicates = "wörtlich gleiche Beiträge"
    var sinceLastRun = "Neu seit dem letzten Lauf"
    var firstRun = "Dies ist die erste Auswertung: alle Beiträge sind neu."
    var sinceRun: @Sendable (String, Int, Int) -> String = { date, new, changed in
        "Seit der Auswertung vom \(date): \(new) " + (new == 1 ? "neuer Beitrag" : "neue Beiträge")
            + (changed > 0 ? ", \(changed) " + (changed == 1 ? "geänderter." : "geänderte.") : ".")
    }
    var nothingNew = "Keine neuen oder geänderten Beiträge."
    var incoherentTopics: @Sendable (Int, Int) -> String = { groups, comments in
        "\(groups) \(groups == 1 ? "weitere Gruppe" : "weitere Gruppen") mit zusammen \(comments) \(comments == 1 ? "Beitrag" : "Beiträgen") "
            + "\(groups == 1 ? "wird" : "werden") nicht als Thema gezeigt: \(groups == 1 ? "ihre" : "ihre") häufigen Wörter kommen "
            + "nicht öfter gemeinsam vor als zufällig (Kohärenz unter 0)."
    }
    var newColumn = "neue Beiträge"
    var changedColumn = "geänderte Beiträge"
    var newAssignedColumn = "neue Beiträge zugeordnet"
    var changedAssignedColumn = "geänderte Beiträge zugeordnet"
    var goal = "Ziel"
    var shareMoves = "Größte Verschiebungen der Anteile"
    var before = "vorher"
    var after = "jetzt"
    var goalsAndMeasures = "Ziele und Maßnahmen"
    var goalSummary: @Sendable (Int, Int, Int, Int, Int) -> String = { total, routed, assigned, uncertain, unassigned in
        (total == 1 ? "1 Beitrag" : "\(total) Beiträge") + " zu diesem Ziel"
            + (routed > 0 ? " (davon \(routed) ohne Zielangabe, nach ihrer besten Maßnahme hier eingeordnet)" : "")
            + ": \(assigned) einer Maßnahme zugeordnet, \(uncertain) unsicher, \(unassigned) ohne passende Maßnahme."
    }
    var goalDetails = "Einzelheiten und Zitate"
    var measure = "Maßnahme"
    var comments = "Beiträge"
    var share = "Anteil"
    var uncertainColumn = "unsicher"
    var distinctColumn = "eigenständig"
    var bar = "Verteilung"
    var estimateColumn = "geschätzt (95 %)"
    /// A measure's estimate in a table cell: value and 95 % interval, marked when it rests on an audit.
    var estimateCell: @Sendable (String, String, String, Bool) -> String = { value, lower, upper, audited in
        "\(value) (\(lower)–\(upper))" + (audited ? " geprüft" : "")
    }
    /// How far the counts can be trusted, without an audit: the median error of model estimates on
    /// consultations the model was not fitted on (nil when the model does not say), and this
    /// consultation's agreement between the two rankings.
    var trustModel: @Sendable (String?, String) -> String = { median, agreement in
        "**Wie belastbar die Zahlen sind:** Die geschätzten Zahlen sind ungeprüfte Schätzungen des Modells"
            + (median.map {
                "; auf Beteiligungen, an denen es nicht angepasst wurde, lagen sie je Maßnahme im Mittel um \($0) neben der wahren Zahl, einzelne um ein Mehrfaches"
            } ?? "")
            + ". Die Spannen zeigen, wie weit sie danebenliegen können; Maßnahmen, deren Spannen sich überschneiden, "
            + "unterscheiden sich nicht nachweisbar. In dieser Beteiligung stimmen die beiden Zuordnungsverfahren bei "
            + "\(agreement) der Beiträge überein (je höher, desto verlässlicher die Zahlen und desto enger die Spannen). "
            + "Belastbar werden die Zahlen mit einer geprüften Zufallsstichprobe: `resonanz review queue --audit 100`."
    }
    /// How far the counts can be trusted, with an audit of `n` reviewed comments.
    var trustAudit: @Sendable (Int, Int) -> String = { reviewed, drawn in
        "**Wie belastbar die Zahlen sind:** Die geschätzten Zahlen beruhen auf einer geprüften Zufallsstichprobe von "
            + "\(reviewed) Beiträgen" + (reviewed < drawn ? " (von \(drawn) gezogenen)" : "")
            + " und liegen mit 95 % Wahrscheinlichkeit in den angegebenen Spannen (markiert: geprüft). Maßnahmen, deren "
            + "Spannen sich überschneiden, unterscheiden sich nicht nachweisbar."
    }
    var shareNote =
        "Anteil: zugeordnete Beiträge je Beitrag, der mit den Maßnahmen des Ziels verglichen wurde (die zum Ziel "
        + "geschriebenen und alle ohne Zielangabe); ein Beitrag kann mehrere Maßnahmen betreffen."
    var frequentTerms = "Kennzeichnende Begriffe"
    var noTerms = "keine (zu wenige Beiträge)"
    var lowResonance = "Maßnahmen mit wenig Resonanz"
    var lowResonanceIntro: @Sendable (Int) -> String = {
        "Maßnahmen mit höchstens \($0) zugeordneten Beiträgen, geschätzt mit 95-%-Spanne; ob sie wirklich "
            + "weniger Resonanz haben als andere, zeigt erst eine Spanne, die sich mit deren Spannen nicht überschneidet:"
    }
    var noLowResonance = "Keine: jede Maßnahme hat mehrere Beiträge."
    var noMeasureFits = "Beiträge ohne passende Maßnahme"
    var noMeasureFitsIntro: @Sendable (Int) -> String = {
        ($0 == 1 ? "1 Beitrag passt" : "\($0) Beiträge passen")
            + " zu keiner Maßnahme. Sie können auf Themen hinweisen, die die Strategie nicht abdeckt; "
            + "die Zielseiten listen sie."
    }
    var noMeasureWithoutGoal: @Sendable (Int) -> String = {
        $0 == 1
            ? "1 davon hat keine Zielangabe und steht deshalb hier:"
            : "\($0) davon haben keine Zielangabe und stehen deshalb hier:"
    }
    var topicsSection = "Themen"
    var topicsIntro: @Sendable (Int) -> String = {
        "Worüber die \($0) Beiträge sprechen, unabhängig von den Maßnahmen: Gruppen von Beiträgen mit ähnlichen "
            + "Wörtern. Seltene Anliegen bilden kein Thema."
    }
    var noTopics = "Keine: zu wenige Beiträge für Themen."
    var topic = "Thema"
    var withoutMeasure = "ohne passende Maßnahme"
    var orphanTopicsIntro =
        "Themen, bei denen mindestens die Hälfte der Beiträge zu keiner Maßnahme passt – Kandidaten für neue Maßnahmen:"
    var orphanFigures: @Sendable (Int, Int) -> String = { size, unassigned in
        (size == 1 ? "1 Beitrag" : "\(size) Beiträge") + ", davon \(unassigned) ohne passende Maßnahme"
    }
    // Ids reach these functions as Markdown already (``MarkdownText/code(_:)``).
    var topicQuoteReference: @Sendable (String) -> String = { "Beitrag \($0)" }
    var topicChanges = "Themen seit dem letzten Lauf"
    var topicEvent: @Sendable (String, String, String?, String?) -> String = { kind, topic, other, label in
        let name = topic + (label.map { " (" + $0 + ")" } ?? "")
        switch kind {
        case "born": return "neu: " + name
        case "ended": return "nicht mehr da: \(topic)"
        case "merged": return "\(topic) ist in \(other ?? "") aufgegangen" + (label.map { " (" + $0 + ")" } ?? "")
        default: return "abgespalten von \(other ?? ""): " + name
        }
    }
    var method = "Methode"
    var methodText: @Sendable (String, String, String, Int) -> String = { threshold, floor, fittedOn, reviewed in
        """
        Resonanz liest jeden Beitrag mit einer Sprachanalyse für das Deutsche: Wörter werden an den \
        Wortgrenzen von ICU getrennt, Genderformen (Bürger:innen, BürgerInnen) auf das Grundwort \
        zurückgeführt, Groß- und Kleinschreibung sowie ß/ss vereinheitlicht, Komposita in ihre Teile \
        zerlegt (Fachkräftemangel → Fachkräfte + Mangel) und Wörter mit dem Stemmer CISTEM auf eine \
        gemeinsame Form gebracht.

        Jede Maßnahme wird durch die Wörter ihres Titels, ihrer Beschreibung und der Stichwörter der \
        Planung beschrieben, dazu Synonyme ihrer Hauptwörter aus OpenThesaurus, schwächer gewichtet. Jeder \
        Beitrag wird mit dem Verfahren BM25 mit den Maßnahmen des Ziels verglichen, zu dem er geschrieben \
        wurde (ein Beitrag ohne Zielangabe mit allen). Danach lernt jede Maßnahme Wörter hinzu, die in den \
        am besten passenden Beiträgen gemeinsam vorkommen (in den Belegen als „aus Beiträgen gelernt“ \
        markiert), und ein Naive-Bayes-Modell wird auf den eindeutigen Beiträgen trainiert. Aus diesen \
        Hinweisen berechnet ein Modell, das an von Menschen zugeordneten Beteiligungen und Texten \
        geeicht ist (\(fittedOn)), die **Konfidenz**: die Wahrscheinlichkeit, dass die Zuordnung stimmt. \
        Auf einer neuen Beteiligung kann die Eichung abweichen.

        Ab Konfidenz \(threshold) gilt ein Beitrag als **zugeordnet**, und zwar jeder Maßnahme, die \
        diese Konfidenz erreicht; ein Beitrag kann mehrere Maßnahmen betreffen. Zwischen \(floor) und \
        \(threshold) gilt ein Beitrag als **unsicher**: Er wird zur Prüfung vorgelegt, aber nicht gezählt. \
        Unter \(floor), oder wenn er kein Wort mit einer Maßnahme teilt, passt er zu keiner Maßnahme. \
        Die Spalte „geschätzt“ gibt an, wie viele Beiträge eine Maßnahme wirklich betreffen dürften, mit \
        einer Spanne, die die wahre Zahl mit 95 % Wahrscheinlichkeit enthält: ohne Prüfung aus den \
        Fehlern des Modells auf fremden Beteiligungen, nach einer geprüften Stichprobe (`resonanz review \
        queue --audit 100`) aus dieser.

        Geprüfte Entscheidungen (`resonanz review import`) gelten in jedem späteren Lauf: Die Wörter \
        geprüfter Beiträge trainieren das Naive-Bayes-Modell, und jede Maßnahme verschiebt ihre \
        Konfidenzen nach ihren eigenen Entscheidungen (Ablehnungen senken sie nur für diese Maßnahme, \
        Annahmen heben sie nur für diese); in diesem Lauf waren es \(reviewed) geprüfte Beiträge. \
        `resonanz review queue` schlägt die Beiträge vor, deren Prüfung am meisten hilft. Kennzeichnende Begriffe sind \
        Wörter und feste Wendungen aus zwei Wörtern („junge Fachkräfte“), die in den Beiträgen einer \
        Maßnahme, eines Ziels oder eines Themas deutlich häufiger vorkommen als im Rest der Beteiligung \
        (Log-Likelihood G²).

        Themen sind Gruppen von Beiträgen mit ähnlichen Wörtern, gefunden ohne Blick auf die \
        Maßnahmen. Ihre Zahl wählt das Programm je Ziel selbst: die Zahl, deren Themen in sich am \
        stimmigsten sind und bei wiederholter Berechnung am ehesten wiederkehren. Eine neue Zahl gilt \
        erst, wenn sie in drei Läufen nacheinander klar besser abschneidet; so springt die Zahl der \
        Themen nicht von Nacht zu Nacht. Ein Thema, das im vorigen Lauf schon da war, behält seine Nummer.

        Grenzen: Die Zuordnung beruht auf Wörtern, nicht auf Bedeutung. Synonyme, die weder in der \
        Maßnahme noch in OpenThesaurus stehen und nicht gemeinsam mit ihren Wörtern vorkommen, bleiben \
        unerkannt; Ironie und \
        Verneinung („kein Bedarf an …“) werden nicht verstanden. Themen sind statistische Gruppen: \
        Ihre Grenzen verschieben sich, wenn neue Beiträge hinzukommen, und kleine Themen können \
        zufällig zusammengefasst sein; die Zitate zeigen, worum es tatsächlich geht.

        Wörtlich gleiche Beiträge und Kampagnentexte (nahezu gleiche Texte, die viele einreichen; \
        mindestens 55 % gemeinsame Wortstämme) werden erkannt. Die Spalte „eigenständig“ zählt eine \
        Kampagne einmal; zitiert wird aus jeder Kampagne höchstens ein Beitrag.
        """
    }
    var goalPageTitle: @Sendable (String) -> String = { "Ziel: \($0)" }
    var backToOverview = "← Zur Übersicht"
    var measureFigures: @Sendable (Int, String, Int) -> String = { count, share, uncertain in
        (count == 1 ? "1 zugeordneter Beitrag" : "\(count) zugeordnete Beiträge")
            + " (\(share) der verglichenen Beiträge), \(uncertain) unsicher."
    }
    var typicalComments = "Typische Beiträge"
    var noTypicalComments = "Noch keine zugeordneten Beiträge."
    var commentReference: @Sendable (String, String) -> String = { id, confidence in "Beitrag \(id), Konfidenz \(confidence)" }
    var allAssigned = "Alle zugeordneten Beiträge"
    var confidence = "Konfidenz"
    var evidence = "Belege (Beitrag → Maßnahme)"
    var learnt = "aus Beiträgen gelernt"
    var reviewedMark = "geprüft"
    var uncertainSection = "Unsichere Zuordnungen zur Prüfung"
    var noUncertain = "Keine."
    var candidates = "Kandidaten"
    var excerpt = "Auszug"
    var commentID = "Beitrag"
    var unassignedSection = "Beiträge ohne passende Maßnahme"
    var noUnassigned = "Keine."
    var listedFirst: @Sendable (Int, Int) -> String = { shown, total in "Die ersten \(shown) von \(total):" }
    var listedFirstOfAll: @Sendable (Int, Int) -> String = { shown, total in
        "Die ersten \(shown) von \(total); alle stehen in assignments.csv:"
    }

    static let german = ReportStrings()

    static func of(_ language: ReportLanguage) -> ReportStrings {
        switch language {
        case .de: return .german
        case .en: return .english
        }
    }
}
