extension String {
    /// The word with `a` or `an` before it, by its first letter (`an attenuation`, `a length`): messages
    /// that name a noun through a variable (a dimension, a node kind) read right whatever it is.
    public var withIndefiniteArticle: String {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        return (first.map { vowels.contains(Character($0.lowercased())) } ?? false ? "an " : "a ") + self
    }
}
