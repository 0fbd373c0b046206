/// Settings of one analysis; recorded in the report as ``MethodSettings``.
public struct PipelineConfiguration: Sendable, Equatable {
    /// Worker threads (1 = serial). Results do not depend on it.
    public var threads: Int
    /// Seeds every stage that draws random numbers (the near-duplicate detector's MinHash, GSDMM
    /// and k-means for topics and the choice of their number); recorded in the report. One seed
    /// and one input give one result, whatever `threads` is.
    public var seed: UInt64
    /// How comments are assigned to measures (see ``MeasureAssigner``).
    public var assignment: MeasureAssigner.Settings
    /// Keywords per goal and per measure.
    public var keywordLimit: Int
    /// Comments a keyword must occur in.
    public var keywordMinimumComments: Int
    /// Comments a two-word phrase must occur in (``PhraseFinder``).
    public var phraseMinimumComments: Int
    /// Quotes per measure.
    public var representativeLimit: Int
    /// How topics are found (see ``TopicModeler``).
    public var topics: TopicModeler
    /// How topic ids are carried from run to run.
    public var topicLedger: TopicLedger

    public init(
        threads: Int = 1, seed: UInt64 = 0, assignment: MeasureAssigner.Settings = MeasureAssigner.Settings(),
        keywordLimit: Int = 10, keywordMinimumComments: Int = 2, phraseMinimumComments: Int = 3, representativeLimit: Int = 3,
        topics: TopicModeler = TopicModeler(), topicLedger: TopicLedger = TopicLedger()
    ) {
        self.topics = topics
        self.topicLedger = topicLedger
        self.threads = threads
        self.seed = seed
        self.assignment = assignment
        self.keywordLimit = keywordLimit
        self.keywordMinimumComments = keywordMinimumComments
        self.representativeLimit = representativeLimit
        self.phraseMinimumComments = phraseMinimumComments
    }
}
