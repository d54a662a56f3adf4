/// Builders for the common kinds of field, each storing into an optional property.
extension Field {
    /// A quantity with a unit of `dimension`, within `bounds`.
    public static func quantity(
        _ key: String, _ path: WritableKeyPath<Root, Quantity?>, _ dimension: Dimension,
        _ bounds: ValueBounds = .any, help: String
    ) -> Field {
        Field(key, help: help, dimension: dimension, read: { root in root[keyPath: path].map { .scalar($0.text) } },
              write: { (root: inout Root, value: FieldValue?) throws(FieldError) in
                  guard let value else { root[keyPath: path] = nil; return }
                  let text = try scalarText(value, key: key)
                  root[keyPath: path] = try parseQuantity(text, dimension, bounds, key: key)
              })
              .holding(path)
    }

    /// `auto`, or a bare number within `bounds`.
    public static func tunable(
        _ key: String, _ path: WritableKeyPath<Root, Tunable?>, _ bounds: ValueBounds = .nonNegative, help: String
    ) -> Field {
        Field(key, help: help,
              read: { root in
                  switch root[keyPath: path] {
                  case nil: return nil
                  case .auto: return .scalar("auto")
                  case .fixed(let value): return .scalar(Quantity.format(value))
                  }
              },
              write: { (root: inout Root, value: FieldValue?) throws(FieldError) in
                  guard let value else { root[keyPath: path] = nil; return }
                  let text = try scalarText(value, key: key)
                  if text == "auto" { root[keyPath: path] = .auto; return }
                  guard let number = Quantity.parseNumber(text) else {
                      throw FieldError("\(key): '\(text)' is neither auto nor a finite number")
                  }
                  if let problem = bounds.violation(number) {
                      throw FieldError("\(key) \(problem) (got \(text))")
                  }
                  root[keyPath: path] = .fixed(number)
              })
              .holding(path)
    }

    /// One of the named cases of `Choice`.
    public static func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: String, _ path: WritableKeyPath<Root, Choice?>, help: String
    ) -> Field where Choice.RawValue == String {
        Field(key, help: help, read: { root in root[keyPath: path].map { .scalar($0.rawValue) } },
              write: { (root: inout Root, value: FieldValue?) throws(FieldError) in
                  guard let value else { root[keyPath: path] = nil; return }
                  let text = try scalarText(value, key: key)
                  guard let choice = Choice(rawValue: text) else {
                      let names = Choice.allCases.map(\.rawValue)
                      let hint = KeySuggestion.hint(for: text, in: names)
                      throw FieldError("\(key): '\(text)' is not one of \(names.joined(separator: " | "))\(hint)")
                  }
                  root[keyPath: path] = choice
              })
              .holding(path)
    }

    /// Free text, or the name of something defined elsewhere (checked by `Topology.validate`).
    public static func text(_ key: String, _ path: WritableKeyPath<Root, String?>, help: String) -> Field {
        Field(key, help: help, read: { root in root[keyPath: path].map { .scalar($0) } },
              write: { (root: inout Root, value: FieldValue?) throws(FieldError) in
                  guard let value else { root[keyPath: path] = nil; return }
                  root[keyPath: path] = try scalarText(value, key: key)
              })
              .holding(path)
    }

    /// A whole number within `range`.
    public static func integer(
        _ key: String, _ path: WritableKeyPath<Root, Int?>, _ range: ClosedRange<Int>, help: String
    ) -> Field {
        Field(key, help: help, read: { root in root[keyPath: path].map { .scalar(String($0)) } },
              write: { (root: inout Root, value: FieldValue?) throws(FieldError) in
                  guard let value else { root[keyPath: path] = nil; return }
                  let text = try scalarText(value, key: key)
                  guard let number = Int(text) else {
                      throw FieldError("\(key): '\(text)' is not a whole number")
                  }
                  guard range.contains(number) else {
                      throw FieldError("\(key) must be between \(range.lowerBound) and \(range.upperBound) (got \(number))")
                  }
                  root[keyPath: path] = number
              })
              .holding(path)
    }

    /// `true` or `false`.
    public static func boolean(_ key: String, _ path: WritableKeyPath<Root, Bool?>, help: String) -> Field {
        Field(key, help: help, boolean: true, read: { root in root[keyPath: path].map { .scalar($0 ? "true" : "false") } },
              write: { (root: inout Root, value: FieldValue?) throws(FieldError) in
                  guard let value else { root[keyPath: path] = nil; return }
                  switch try scalarText(value, key: key) {
                  case "true": root[keyPath: path] = true
                  case "false": root[keyPath: path] = false
                  case let text:
                      throw FieldError("\(key): '\(text)' is neither true nor false\(KeySuggestion.hint(for: text, in: ["true", "false"]))")
                  }
              })
              .holding(path)
    }

    /// A nested mapping of scalars, described by `Sub.fields` (e.g. `pass:`).
    public static func record<Sub: SchemaRecord>(
        _ key: String, _ path: WritableKeyPath<Root, Sub?>, help: String
    ) -> Field {
        Field(key, help: help,
              read: { root in
                  guard let sub = root[keyPath: path] else { return nil }
                  return .mapping(Sub.fields.compactMap { field in
                      guard case .scalar(let text)? = field.read(sub) else { return nil }
                      return FieldValue.Entry(field.key, text)
                  })
              },
              write: { (root: inout Root, value: FieldValue?) throws(FieldError) in
                  guard let value else { root[keyPath: path] = nil; return }
                  guard case .mapping(let entries) = value else {
                      throw FieldError("\(key) takes a mapping of keys, not \(value.shapeName)")
                  }
                  var sub = Sub.blank
                  // Every inner key is read, and every one at fault reported (the first thrown, the rest in `others`).
                  var errors: [FieldError] = []
                  for entry in entries {
                      guard let field = Sub.field(named: entry.key) else {
                          let keys = Sub.fields.map(\.key)
                          errors.append(FieldError("unknown key '\(entry.key)' in \(key)\(KeySuggestion.hint(for: entry.key, in: keys)) "
                                                   + "(known: \(keys.joined(separator: ", ")))", subkey: entry.key))
                          continue
                      }
                      do throws(FieldError) {
                          try field.write(.scalar(entry.value), into: &sub)
                      } catch {
                          errors.append(FieldError("\(key).\(error.message)", subkey: entry.key))
                      }
                  }
                  if var first = errors.first {
                      first.others = Array(errors.dropFirst())
                      throw first
                  }
                  root[keyPath: path] = sub
              })
              .holding(path)
    }

    /// This field, with the slot of its stored optional property `path` (when it is one).
    private func holding<Value>(_ path: KeyPath<Root, Value?>) -> Field {
        var field = self
        field.slot = OptionalSlot(path)
        return field
    }
}
