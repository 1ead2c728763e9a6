/// The documents Talon prints. The raw value is the name used on the command line
/// (`talon render warranty-card …`, `talon schema rma`).
public enum DocumentKind: String, Sendable, Hashable, CaseIterable {
    /// Printed by the seller at the moment of sale.
    case warrantyCard = "warranty-card"
    /// The service centre's intake form.
    case rma
    /// The diagnosis conclusion.
    case diagnosis
    /// The repair invoice the purchaser approves.
    case invoice
    /// The repair record handed back with the device.
    case repairRecord = "repair-record"
    /// A short e-mail / SMS notice.
    case notice

    /// The JSON Schema (draft 2020-12) of this kind's input, as deterministic JSON text.
    public var jsonSchema: String { schema.serialized() }
}
