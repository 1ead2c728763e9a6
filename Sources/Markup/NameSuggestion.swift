/// The nearest known name to a misspelt one, for "did you mean" hints.
enum NameSuggestion {
    /// The candidate with the smallest edit distance, if that distance is small for the word.
    static func nearest(to name: String, in candidates: [String]) -> String? {
        let word = Array(name.lowercased().unicodeScalars)
        guard !word.isEmpty, word.count <= 64 else { return nil }
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(word, Array(candidate.unicodeScalars))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best, best.distance <= max(1, min(3, word.count / 2)) else { return nil }
        return best.name
    }

    /// Levenshtein distance (insert, delete, substitute).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
