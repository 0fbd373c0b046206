extension ReportStrings {
    /// The English reports (`--lang en`): decimal point, `76%`, ISO dates.
    static let english: ReportStrings = {
        var s = ReportStrings()
        s.percent = { "\(Int(($0 * 100).rounded(.toNearestOrAwayFromZero)))%" }
        s.decimal = { JSONWriter.decimal($0, places: $1) }
        s.date = { String($0.prefix(10)) }
        s.redaction = .english
        s.goalsChartTitle = "Comments per goal"
        s.measuresChartTitle = { "Share per measure: \($0)" }
        s.topicsChartTitle = "Topics of the whole consultation"
        s.trend = { start, sparkline, counts in "By week (from \(start)): \(sparkline) (\(counts))" }
        s.newSinceLastRun = { "; since the last run: +\($0)" }
        s.quoted = { "“" + $0 + "”" }
        s.reportTitle = { "Resonanz: \($0)" }
        s.dataAsOf = { "Analysis of the consultation, data up to \($0)." }
        s.noDates = "Analysis of the consultation (the comments carry no dates)."
        s.atAGlance = "At a glance"
        s.figure = "Figure"
        s.value = "Value"
        s.analysed = "Comments analysed (all received so far)"
        s.input = "Input"
        s.inputSummary = { rows, files, accepted, repeated, rejected in
            "\(rows) \(rows == 1 ? "row" : "rows") read from \(files) \(files == 1 ? "file" : "files"): \(accepted) accepted"
                + (repeated > 0 ? " (\(repeated) of them again in a later file of this run, counted there)" : "")
                + ", \(rejected) not accepted" + (rejected > 0 ? " (reasons in `rejected.jsonl`)" : "") + "."
        }
        s.columnsUsed = "Columns"
        s.notUsed = "not used"
        s.inputWarnings = "Notes on the input"
        s.noInput = "This run read no files."
        s.withdrawnRows = { rows in
            "\(rows) \(rows == 1 ? "row was" : "rows were") of withdrawn comments and not taken in."
        }
        s.withdrawnComments = { count in
            "\(count) \(count == 1 ? "comment was" : "comments were") withdrawn (deleted on request or by moderation) and \(count == 1 ? "is" : "are") in no figure of this report."
        }
        s.warningKind = { kind in
            switch kind {
            case "unknown_goal": return "goal unknown, comment counted without goal"
            case "unreadable_date": return "date not readable, comment counted without date"
            case "extra_cells": return "row with more cells than the header"
            case "encoding": return "character encoding"
            case "empty_file": return "file without rows"
            case "repaired_text": return "text with cut characters, repaired"
            default: return "other"
            }
        }
        s.participants = "distinct pseudonyms"
        s.period = "Period"
        s.assignedTotal = "assigned to a measure"
        s.uncertainTotal = "uncertain, for review"
        s.unassignedTotal = "assigned to no measure"
        s.withoutGoal = "without a goal"
        s.distinctContributions = "distinct contributions (duplicates and campaign texts counted once)"
        s.campaigns = { comments, groups in "\(comments) in \(groups) \(groups == 1 ? "group" : "groups")" }
        s.campaignRow = "Campaign texts (near-identical comments)"
        s.exactDuplicates = "word-for-word duplicates"
        s.sinceLastRun = "New since the last run"
        s.firstRun = "This is the first analysis: every comment is new."
        s.sinceRun = { date, new, changed in
            "Since the analysis of \(date): \(new) new " + (new == 1 ? "comment" : "comments")
                + (changed > 0 ? ", \(changed) changed." : ".")
        }
        s.nothingNew = "No new or changed comments."
        s.incoherentTopics = { groups, comments in
            "\(groups) further \(groups == 1 ? "group" : "groups") of \(comments) \(comments == 1 ? "comment" : "comments") "
                + "\(groups == 1 ? "is" : "are") not shown as a topic: \(groups == 1 ? "its" : "their") frequent words occur together "
                + "no more often than by chance (coherence below 0)."
        }
        s.newColumn = "new comments"
        s.changedColumn = "changed comments"
        s.newAssignedColumn = "new comments assigned"
        s.changedAssignedColumn = "changed comments assigned"
        s.goal = "Goal"
        s.shareMoves = "Largest changes in shares"
        s.before = "before"
        s.after = "now"
        s.goalsAndMeasures = "Goals and measures"
        s.goalSummary = { total, routed, assigned, uncertain, unassigned in
            (total == 1 ? "1 comment" : "\(total) comments") + " on this goal"
                + (routed > 0 ? " (\(routed) of them without a goal, placed here by their best measure)" : "")
                + ": \(assigned) assigned to a measure, \(uncertain) uncertain, \(unassigned) fitting no measure."
        }
        s.goalDetails = "Details and quotes"
        s.measure = "Measure"
        s.comments = "Comments"
        s.share = "Share"
        s.uncertainColumn = "uncertain"
        s.distinctColumn = "distinct"
        s.bar = "Distribution"
        s.estimateColumn = "estimated (95%)"
        s.estimateCell = { value, lower, upper, audited in "\(value) (\(lower)–\(upper))" + (audited ? " audited" : "") }
        s.trustModel = { median, agreement in
            "**How far to trust the counts:** the estimated counts are the model's unchecked estimates"
                + (median.map {
                    "; on consultations it was not fitted on they were off by \($0) per measure in the median, some by a multiple"
                } ?? "")
                + ". The ranges show how far off they may be; measures whose ranges overlap do not differ demonstrably. "
                + "In this consultation the two assignment methods agree on \(agreement) of the comments (the higher, the "
                + "more reliable the counts and the narrower the ranges). "
                + "A reviewed random sample makes the counts reliable: `resonanz review queue --audit 100`."
        }
        s.trustAudit = { reviewed, drawn in
            "**How far to trust the counts:** the estimated counts rest on a reviewed random sample of \(reviewed) comments"
                + (reviewed < drawn ? " (of \(drawn) drawn)" : "")
                + " and lie within the ranges given with 95% probability (marked: audited). Measures whose ranges overlap do "
                + "not differ demonstrably."
        }
        s.shareNote =
            "Share: assigned comments per comment compared with the goal's measures (those written on the goal and "
            + "all without a goal); a comment can concern several measures."
        s.frequentTerms = "Characteristic terms"
        s.noTerms = "none (too few comments)"
        s.lowResonance = "Measures with little resonance"
        s.lowResonanceIntro = {
            "Measures with at most \($0) assigned comments, estimated with a 95% range; whether they really meet less "
                + "resonance than others only a range that does not overlap theirs shows:"
        }
        s.noLowResonance = "None: every measure has several comments."
        s.noMeasureFits = "Comments fitting no measure"
        s.noMeasureFitsIntro = {
            ($0 == 1 ? "1 comment fits" : "\($0) comments fit")
                + " no measure. They may point to subjects the strategy does not cover; the goal pages list them."
        }
        s.noMeasureWithoutGoal = {
            $0 == 1
                ? "1 of them has no goal and is therefore listed here:"
                : "\($0) of them have no goal and are therefore listed here:"
        }
        s.topicsSection = "Topics"
        s.topicsIntro = {
            "What the \($0) comments talk about, whatever the measures: groups of comments with similar words. "
                + "Rare concerns form no topic."
        }
        s.noTopics = "None: too few comments for topics."
        s.topic = "Topic"
        s.withoutMeasure = "fitting no measure"
        s.orphanTopicsIntro =
            "Topics in which at least half of the comments fit no measure – candidates for new measures:"
        s.orphanFigures = { size, unassigned in
            (size == 1 ? "1 comment" : "\(size) comments") + ", \(unassigned) of them fitting no measure"
        }
        s.topicQuoteReference = { "comment \($0)" }
        s.topicChanges = "Topics since the last run"
        s.topicEvent = { kind, topic, other, label in
            let name = topic + (label.map { " (" + $0 + ")" } ?? "")
            switch kind {
            case "born": return "new: " + name
            case "ended": return "gone: \(topic)"
            case "merged": return "\(topic) merged into \(other ?? "")" + (label.map { " (" + $0 + ")" } ?? "")
            default: return "split from \(other ?? ""): " + name
            }
        }
        s.method = "Method"
        s.methodText = { threshold, floor, fittedOn, reviewed in
            """
            Resonanz reads every comment with a language analysis for German: words are separated at \
            ICU's word boundaries, gender-inclusive forms (Bürger:innen, BürgerInnen) are traced back \
            to the base word, case and ß/ss are unified, compounds are split into their parts \
            (Fachkräftemangel → Fachkräfte + Mangel) and words are reduced to a common form by the \
            CISTEM stemmer.

            Each measure is described by the words of its title, its description and the planners' \
            keywords, and, weighted less, by OpenThesaurus synonyms of its nouns. Every comment is \
            compared with the measures of the goal it was written on with BM25 (a comment without a goal \
            with all). Each measure then learns words that occur together in its best-matching comments \
            (marked as "learnt from comments" in the evidence), and a Naive Bayes model is trained on \
            the clear comments. From these signals a model calibrated on consultations and texts \
            assigned by people (\(fittedOn)) computes the **confidence**: the probability that the \
            assignment is right. On a new consultation the calibration can differ.

            From a confidence of \(threshold) a comment counts as **assigned**, to every measure that \
            reaches it; a comment can concern several measures. Between \(floor) and \(threshold) a \
            comment is **uncertain**: it is put up for review but not counted. Below \(floor), or when \
            it shares no word with any measure, it fits no measure. The column "estimated" gives how \
            many comments a measure probably concerns, with a range that holds the true number with \
            95% probability: without review from the model's errors on other consultations, after a \
            reviewed sample (`resonanz review queue --audit 100`) from that sample.

            Reviewed decisions (`resonanz review import`) hold in every later run: the words of reviewed \
            comments train the Naive Bayes model, and each measure shifts its confidences by its own \
            decisions (rejections lower them for that measure only, accepts raise them for it only); \
            this run used \(reviewed) reviewed comments. `resonanz review queue` proposes the comments \
            whose review helps most. Characteristic terms are words and fixed two-word phrases \
            ("junge Fachkräfte") that occur clearly more often in the comments of a measure, a goal or \
            a topic than in the rest of the consultation (log-likelihood G²).

            Topics are groups of comments with similar words, found without looking at the measures. \
            The program chooses their number per goal: the number whose topics are most coherent and \
            most likely to come back when computed again. A new number holds only once it has done \
            clearly better in three runs in a row, so the number of topics does not jump from night \
            to night. A topic that was there in the previous run keeps its number.

            Limits: assignment rests on words, not on meaning. Synonyms that stand neither in the \
            measure nor in OpenThesaurus and do not occur together with its words go unnoticed; irony and negation ("no need \
            for …") are not understood. Topics are statistical groups: their borders move when new \
            comments arrive, and small topics may be joined by chance; the quotes show what they are \
            really about.

            Word-for-word duplicates and campaign texts (near-identical texts submitted by many; at \
            least 55% shared word stems) are detected. The column "distinct" counts a campaign once; \
            at most one comment of each campaign is quoted.
            """
        }
        s.goalPageTitle = { "Goal: \($0)" }
        s.backToOverview = "← Back to the overview"
        s.measureFigures = { count, share, uncertain in
            (count == 1 ? "1 assigned comment" : "\(count) assigned comments")
                + " (\(share) of the comments compared), \(uncertain) uncertain."
        }
        s.typicalComments = "Typical comments"
        s.noTypicalComments = "No assigned comments yet."
        s.commentReference = { id, confidence in "comment \(id), confidence \(confidence)" }
        s.allAssigned = "All assigned comments"
        s.confidence = "Confidence"
        s.evidence = "Evidence (comment → measure)"
        s.learnt = "learnt from comments"
        s.reviewedMark = "reviewed"
        s.uncertainSection = "Uncertain assignments for review"
        s.noUncertain = "None."
        s.candidates = "Candidates"
        s.excerpt = "Excerpt"
        s.commentID = "Comment"
        s.unassignedSection = "Comments fitting no measure"
        s.noUnassigned = "None."
        s.listedFirst = { shown, total in "The first \(shown) of \(total):" }
        s.listedFirstOfAll = { shown, total in "The first \(shown) of \(total); assignments.csv lists all:" }
        return s
    }()
}
