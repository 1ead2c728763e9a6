/// Lists of characters kept ascending without repeats, merged without hashing.
enum AscendingValues {
    /// `values` ascending, without repeats (as they are when they already are).
    static func of<Value: Comparable & Hashable>(_ values: [Value]) -> [Value] {
        zip(values, values.dropFirst()).allSatisfy { $0 < $1 } ? values : Array(Set(values)).sorted()
    }

    /// The union of two ascending lists without repeats, ascending.
    static func union<Value: Comparable>(_ first: [Value], _ second: [Value]) -> [Value] {
        var result: [Value] = []
        result.reserveCapacity(first.count + second.count)
        var left = 0, right = 0
        while left < first.count, right < second.count {
            let a = first[left], b = second[right]
            result.append(min(a, b))
            if a <= b { left += 1 }
            if b <= a { right += 1 }
        }
        result += first[left...]
        result += second[right...]
        return result
    }
}
