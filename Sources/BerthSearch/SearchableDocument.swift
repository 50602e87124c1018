/// Anything the search engine can filter and sort, without it knowing the model:
/// the document answers "what do you hold for this field?".
public protocol SearchableDocument {
    /// Every value held for `field`; an empty array when it has none, which is what
    /// `-` matches and `*` does not.
    func searchValues(for field: SearchField) -> [SearchValue]
}
