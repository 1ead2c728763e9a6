extension Template {
    /// Every dotted name a render of this template may look up (variables, sections, fixed
    /// texts), in it and in the partials and parents it names, which are found through
    /// `partials`; each as its parts (`t.common.product` → `["t", "common", "product"]`). A
    /// render looks up nothing else by name. Nil when that cannot be known ahead: a partial
    /// named by a value (`{{>*path}}`) or one that cannot be read.
    public func namePaths(partials: (any PartialSource)?) -> [[String]]? {
        var collector = NamePathCollector(partials: partials)
        guard collector.visit(unit.nodes) else { return nil }
        return collector.paths
    }
}

/// Walks compiled nodes for `Template.namePaths(partials:)`, each named partial once.
private struct NamePathCollector {
    let partials: (any PartialSource)?
    var paths: [[String]] = []
    var seen: Set<[String]> = []
    var visited: Set<String> = []

    init(partials: (any PartialSource)?) {
        self.partials = partials
    }

    /// False when the names cannot be known (see `Template.namePaths`).
    mutating func visit(_ nodes: [TemplateNode]) -> Bool {
        for node in nodes {
            switch node {
            case .text, .lineStart:
                break
            case .variable(let tag):
                add(tag.path)
            case .fixed(let fixed):
                add(fixed.tag.path)
            case .section(let tag, let children):
                add(tag.path)
                guard visit(children) else { return false }
            case .partial(let tag):
                guard include(tag) else { return false }
            case .parent(let tag, let overrides):
                guard include(tag) else { return false }
                for block in overrides.values {
                    guard visit(block.children) else { return false }
                }
            case .block(let block):
                guard visit(block.children) else { return false }
            }
        }
        return true
    }

    private mutating func add(_ path: NamePath) {
        if !path.segments.isEmpty, seen.insert(path.segments).inserted { paths.append(path.segments) }
    }

    private mutating func include(_ tag: PartialTag) -> Bool {
        guard tag.dynamic == nil else { return false }
        guard visited.insert(tag.name).inserted else { return true }
        // A partial that is missing is an error (or nothing) when rendering: it looks nothing up.
        let template: Template?
        do {
            template = try partials?.partial(named: tag.name)
        } catch {
            return false
        }
        guard let template else { return true }
        return visit(template.unit.nodes)
    }
}
