extension Int {
    /// The count with its noun, singular for one (`1 trusted node`, `2 trusted nodes`); `plural` when not noun + "s".
    public func counted(_ noun: String, plural: String? = nil) -> String {
        "\(self) \(self == 1 ? noun : plural ?? noun + "s")"
    }
}
