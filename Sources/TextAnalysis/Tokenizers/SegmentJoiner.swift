/// Joins ICU segments into the tokens a German reader sees, and drops spaces and punctuation.
///
/// Rules, applied left to right; "adjacent" means no space between:
/// 1. **Gender forms.** A word, then adjacent `:` `*` or `/` and `in`/`innen`
///    (`Bürger:innen`, `Ärzt*in`), or `/-innen`, or `(innen)`, is one word. A determiner or
///    pronoun with `:` `*` or `/` and a short ending (`eine:n`, `jede*r`, `der*die`) is one word.
///    (`Bürger_innen`, `BürgerInnen` and `Expert·innen` are one ICU word already.)
/// 2. **Hyphenated compounds.** Words and numbers joined by adjacent hyphens are one word
///    (`Start-up-Kultur`, `E-Mail-Adresse`, `Tempo-30-Zone`); a run of numbers only
///    (`2021-2023`) stays separate numbers.
/// 3. **Suspended hyphens.** A hyphen after a space, `(`, `,` or `/` and before a word gives a
///    `.leading` word (`-gewinnung`); a word followed by a hyphen and then a space, `,`, `)`,
///    `/`, `&` or the end gives a `.trailing` word (`Innovations-`). The hyphen is part of the
///    surface; ``HyphenEllipsisFilter`` completes the word later.
/// 4. **Letter abbreviations.** At least two groups of one or two letters, each followed by `.`
///    and at most one space between groups, with at least one single-letter group, are one word
///    (`z. B.`, `u. a.`, `d.h.`, `i. d. R.`).
/// 5. Every other word, number, emoji, symbol or address piece is one token.
struct SegmentJoiner: Sendable {
    /// Determiners and pronouns that take a gendered ending after a marker (`eine:n`).
    static let genderedDeterminers: Set<String> = [
        "ein", "eine", "einen", "einem", "eines", "einer", "kein", "keine", "keinen", "keinem",
        "keiner", "der", "die", "den", "dem", "des", "jede", "jeder", "jeden", "jedem", "sein",
        "seine", "ihr", "ihre", "unser", "unsere", "mein", "meine", "dein", "deine", "diese",
        "dieser", "diesen", "welche", "welcher", "jene", "jener", "alle", "manche", "solche",
        "er", "sie",
    ]
    /// Endings that may follow a marker after a gendered determiner.
    static let determinerEndings: Set<String> = [
        "n", "r", "e", "s", "m", "en", "er", "es", "em", "die", "der", "den", "das", "sie", "ihr",
    ]

    func join(_ pieces: [Piece], in bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(pieces.count / 2)
        func emit(_ start: Int, _ end: Int, _ kind: TokenKind, _ hyphen: SuspendedHyphen? = nil) {
            var token = Token(
                surface: String(decoding: bytes[start..<end], as: UTF8.self), start: start,
                end: end, kind: kind)
            token.suspendedHyphen = hyphen
            tokens.append(token)
        }
        let reader = PieceReader(pieces: pieces, bytes: bytes)
        var index = 0
        while index < pieces.count {
            let piece = pieces[index]
            switch piece.kind {
            case .space:
                index += 1
            case .punctuation:
                if reader.isHyphen(index), reader.opensLeadingHyphen(at: index),
                    index + 1 < pieces.count, pieces[index + 1].kind == .word
                {
                    let run = reader.wordRun(from: index + 1)
                    emit(piece.start, pieces[run.next - 1].end, .word, .leading)
                    index = run.next
                } else {
                    index += 1
                }
            case .word, .number:
                if let next = reader.abbreviationEnd(from: index) {
                    emit(piece.start, pieces[next - 1].end, .word)
                    index = next
                    continue
                }
                let run = reader.wordRun(from: index)
                if !run.containsWord && run.next - index > 1 {
                    // `2021-2023`: numbers joined by a dash are a range, not a compound.
                    for member in stride(from: index, to: run.next, by: 1)
                    where pieces[member].kind == .number {
                        emit(pieces[member].start, pieces[member].end, .number)
                    }
                    index = run.next
                    continue
                }
                let kind: TokenKind = run.containsWord ? .word : .number
                var end = pieces[run.next - 1].end
                var next = run.next
                var hyphen: SuspendedHyphen? = nil
                if kind == .word, reader.closesTrailingHyphen(at: next) {
                    end = pieces[next].end
                    next += 1
                    hyphen = .trailing
                }
                emit(piece.start, end, kind, hyphen)
                index = next
            case .emoji:
                emit(piece.start, piece.end, .emoji)
                index += 1
            case .symbol:
                emit(piece.start, piece.end, .other)
                index += 1
            case .url:
                emit(piece.start, piece.end, .url)
                index += 1
            case .email:
                emit(piece.start, piece.end, .email)
                index += 1
            }
        }
        return tokens
    }
}

/// Read-only queries over the pieces of one text.
private struct PieceReader {
    let pieces: [Piece]
    let bytes: UnsafeBufferPointer<UInt8>

    func text(_ index: Int) -> String {
        String(decoding: bytes[pieces[index].start..<pieces[index].end], as: UTF8.self)
    }

    func isMark(_ index: Int, _ marks: String) -> Bool {
        guard index >= 0, index < pieces.count, let mark = pieces[index].mark else { return false }
        return marks.unicodeScalars.contains(mark)
    }

    /// Hyphen-minus, hyphen and non-breaking hyphen; dashes (– —) separate, they do not join.
    func isHyphen(_ index: Int) -> Bool { isMark(index, "-\u{2010}\u{2011}") }

    func isWord(_ index: Int) -> Bool { index < pieces.count && pieces[index].kind == .word }

    /// The word run starting at `start`: words and numbers joined by gender markers or hyphens.
    func wordRun(from start: Int) -> (next: Int, containsWord: Bool) {
        var index = start
        var containsWord = false
        while index < pieces.count {
            let kind = pieces[index].kind
            guard kind == .word || kind == .number else { break }
            containsWord = containsWord || kind == .word
            index += 1
            if kind == .word, let afterGender = genderSuffixEnd(base: index - 1) {
                index = afterGender
            }
            if isHyphen(index), index + 1 < pieces.count,
                pieces[index + 1].kind == .word || pieces[index + 1].kind == .number
            {
                index += 1
                continue
            }
            break
        }
        return (index, containsWord)
    }

    /// The index after a gender suffix that follows the word at `base`, if there is one.
    private func genderSuffixEnd(base: Int) -> Int? {
        let marker = base + 1
        guard marker < pieces.count, pieces[marker].kind == .punctuation else { return nil }
        // Every rule below starts with one of these marks; test it before decoding the base.
        guard isMark(marker, ":*/(") else { return nil }
        let baseText = text(base)
        guard baseText.count >= 2 else { return nil }
        func isFeminineSuffix(_ index: Int) -> Bool {
            guard isWord(index) else { return false }
            let suffix = text(index).lowercased()
            return suffix == "in" || suffix == "innen"
        }
        if isMark(marker, ":*/"), isFeminineSuffix(marker + 1) { return marker + 2 }
        if isMark(marker, "/"), isHyphen(marker + 1), isFeminineSuffix(marker + 2) {
            return marker + 3
        }
        if isMark(marker, "("), isFeminineSuffix(marker + 1), isMark(marker + 2, ")") {
            return marker + 3
        }
        if isMark(marker, ":*/"), isWord(marker + 1),
            SegmentJoiner.genderedDeterminers.contains(baseText.lowercased()),
            SegmentJoiner.determinerEndings.contains(text(marker + 1).lowercased())
        {
            return marker + 2
        }
        return nil
    }

    /// True when the hyphen at `index` starts a word (`-gewinnung`): it follows the start of the
    /// text, a space, `(`, `,` or `/`.
    func opensLeadingHyphen(at index: Int) -> Bool {
        index == 0 || pieces[index - 1].kind == .space || isMark(index - 1, "(,/")
    }

    /// True when `index` is a hyphen that ends the preceding word (`Innovations- und`).
    func closesTrailingHyphen(at index: Int) -> Bool {
        guard isHyphen(index) else { return false }
        let after = index + 1
        return after == pieces.count || pieces[after].kind == .space || isMark(after, ",)/&")
    }

    /// The index after an abbreviation of letter groups that starts at `start`, if there is one.
    func abbreviationEnd(from start: Int) -> Int? {
        var index = start
        var groups = 0
        var singleLetterGroups = 0
        var end: Int? = nil
        while isWord(index) {
            // The cheap test first: almost no word is followed by a full stop.
            guard isMark(index + 1, ".") else { break }
            let parts = text(index).split(separator: ".", omittingEmptySubsequences: false)
            guard parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isLetter) }) else { break }
            groups += parts.count
            singleLetterGroups += parts.filter { $0.count == 1 }.count
            index += 2
            end = index
            if index < pieces.count, pieces[index].kind == .space,
                bytes[pieces[index].start..<pieces[index].end].elementsEqual(" ".utf8),
                isWord(index + 1)
            {
                index += 1
            }
        }
        guard let end, groups >= 2, singleLetterGroups >= 1 else { return nil }
        return end
    }
}
