import QNetFormats
import QNetModel
import QNetPlanner

/// What the inspector says about the selection: a link's budgets and key, a
/// demand's routing, a node's keys; with nothing selected, an overview.
enum InspectorContent {
    /// The title of the inspector pane and its rows.
    static func rows(_ state: AppState, glyphs: GlyphSet) -> (title: String, rows: [TextRow]) {
        switch state.selection {
        case .link(let id)?:
            guard let link = state.topology.link(id) else { break }
            let segments = detailedSegments(through: id, in: state.plan)
            let failure = FailureSection.rows(state.failure, for: .link(id), in: state.topology, planned: state.plan != nil)
            return ("Link \(id)", linkRows(link, plan: state.selectedLinkPlan, segments: segments, errors: state.errors,
                                            failure: failure))
        case .demand(let id)?:
            guard let index = state.topology.demandIndex(id) else { break }
            return ("Demand \(id)", demandRows(state.topology.demands[index], plan: state.selectedDemandPlan,
                                                segments: state.plan?.segments ?? [],
                                                overloads: state.plan?.sharedCapacity.overloads(crossedBy: id) ?? [], glyphs: glyphs)
                + WhatIfSection.rows(state.whatIf, for: id, in: state.topology, glyphs: glyphs))
        case .node(let id)?:
            guard let node = state.topology.node(id) else { break }
            return ("Node \(id)", nodeRows(node, topology: state.topology)
                + FailureSection.rows(state.failure, for: .node(id), in: state.topology, planned: state.plan != nil))
        case .equipment(let kind, let name)?:
            guard let rows = equipmentRows(kind, name, state) else { break }
            return ("\(kind.title) \(name)", rows)
        case .defaults?:
            return ("Defaults", defaultsRows(state.topology))
        case nil:
            break
        }
        return ("Inspector", overviewRows(state))
    }

    // MARK: Link

    /// A link's key, what its `failure` does to the demands (`FailureSection`), its budgets; when it belongs to segments
    /// with figures of their own (MDI-QKD, BBM92, twin field, repeaters), those segments follow its keys.
    private static func linkRows(_ link: Link, plan: LinkPlan?, segments: [SegmentPlan], errors: [Diagnostic],
                                 failure: [TextRow]) -> [TextRow] {
        var rows = [TextRow("\(link.from) → \(link.to)", "\(link.resolvedMedium.rawValue)\(link.length.map { ", \($0.text)" } ?? "")")]
        guard let plan else {
            return rows + [.blank, TextRow("not planned", role: .dim)] + errorRows(errors) + keyRows(link)
        }
        rows.append(TextRow("protocol", plan.protocolKind.rawValue))
        let state = LinkState(plan)
        rows += [.blank, .heading("Key")]
        if let pass = plan.pass {
            // What demands get is the daily average of the passes; the link's own rate is at its single geometry.
            let kind = PlanFigures.keyKind(plan)
            rows.append(TextRow("  daily average (\(kind))", EngineeringFormat.rate(pass.keyGraphFigures.dailyAverageBps),
                                valueRole: state.role))
            rows.append(TextRow("  at culmination (\(kind))", EngineeringFormat.rate(plan.keyRateBps)))
            if let outlasted = PlanFigures.culminationOutlasted(plan) { rows.append(TextRow("    " + outlasted, role: .dim)) }
        } else {
            rows.append(TextRow("  key rate", PlanFigures.linkRate(plan), valueRole: state.role))
        }
        // Beside a segment's key (twin field, MDI, a chain), the bound is still this link's: say so (QA: a tf arm's
        // 64.1 kbit/s read as the bound of its segment's 211 bit/s, whose whole channel's is 2.97 bit/s, below).
        let alone = segments.contains { $0.links.count > 1 }
        rows.append(TextRow(alone ? "  link PLOB bound" : "  PLOB bound", EngineeringFormat.plobBound(plan.plobBoundBps)))
        if let margin = plan.marginDB {
            rows.append(TextRow("  margin", EngineeringFormat.decibels(margin), valueRole: state.role))
        } else if plan.marginUnlimited {
            rows.append(TextRow("  margin", "no limit (see assumptions)", valueRole: state.role))
        }
        if let reason = plan.noKeyReason { rows.append(TextRow("  no key: " + reason, role: .error)) }
        rows += diagnosticRows(plan.diagnostics)
        if !segments.isEmpty {
            rows.append(TextRow("  in segment\(segments.count > 1 ? "s" : "") (below)"))
            rows += segmentListRows(segments, indent: "    ", showProtocol: false)
        }
        rows += failure   // near the top: a link's budgets run to a hundred rows
        rows += [.blank, .heading("Loss budget")]
        rows += plan.lossBudget.map { TextRow("  " + $0.item, EngineeringFormat.decibels($0.db)) }
        rows.append(TextRow("  total", EngineeringFormat.decibels(plan.lossDB), role: .heading))
        if let detector = plan.detector {
            let atOperatingPoint = plan.protocolKind != .entanglement   // a repeater chain's heralding has no dead time
            rows += [.blank, .heading("Detector and timing")]
                + figureRows(PlanFigures.detector(detector, operatingPoint: atOperatingPoint).map(\.figure))
        }
        if let qber = plan.qber {
            rows += [.blank, .heading("QBER" + (PlanFigures.qberScope(plan).map { " (key basis, \($0))" } ?? ""))]
            rows.append(TextRow("  misalignment", EngineeringFormat.percent(qber.misalignment)))
            rows.append(TextRow("  dark + background", EngineeringFormat.percent(qber.darkAndBackground)))
            rows.append(TextRow("  afterpulsing", EngineeringFormat.percent(qber.afterpulsing)))
            rows.append(TextRow("  timing", EngineeringFormat.percent(qber.timing)))
            rows.append(TextRow("  total", EngineeringFormat.percent(qber.total), role: .heading))
        }
        rows += continuousVariableRows(plan) + finiteKeyRows(plan) + passRows(plan)
        rows += assumptionRows(plan.assumptions) + assumptionRows(plan.pass?.assumptions ?? [], title: "Pass assumptions")
        // A hub link of a shared relay is in several segments: the one with the most key in full, the rest in brief.
        let best = segments.indices.max { segments[$0].keyRateBps < segments[$1].keyRateBps }
        return rows + keyRows(link) + segments.indices.flatMap { segmentRows(segments[$0], detailed: $0 == best) }
    }

    // MARK: Demand

    private static func demandRows(_ demand: Demand, plan: DemandPlan?, segments: [SegmentPlan], overloads: [SegmentOverload],
                                   glyphs: GlyphSet) -> [TextRow] {
        var rows = [TextRow("\(demand.from) → \(demand.to)", demand.keyRate?.text ?? "0 bit/s")]
        guard let plan else { return rows + [.blank, TextRow("not planned", role: .dim)] }
        let met = plan.satisfied
        rows.append(TextRow(met ? "\(glyphs.met) met" + (overloads.isEmpty ? "" : " alone") : "\(glyphs.unmet) not met",
                            role: met ? .good : .bad))
        rows += sharedSegmentRows(overloads)
        rows += [.blank, .heading("Best path")]
        rows.append(TextRow("  " + (plan.bestPath.isEmpty ? "none" : plan.bestPath.map(\.rawValue).joined(separator: " → "))))
        rows.append(TextRow("  rate", EngineeringFormat.rate(plan.bestPathBps)))
        if let bottleneck = plan.bottleneckSegment { rows.append(TextRow("  bottleneck", bottleneck)) }
        rows.append(TextRow("  trusted nodes", plan.trustedNodes.isEmpty ? "none" : plan.trustedNodes.map(\.rawValue).joined(separator: ", ")))
        rows += pathSegmentRows(plan, segments: segments)
        rows += [.blank, .heading("All paths")]
        rows.append(TextRow("  max flow", EngineeringFormat.rate(plan.maxFlowBps) + (plan.maxFlowIsExact ? "" : " or more")))
        if !plan.flowTrustedNodes.isEmpty {
            rows.append(TextRow("  trusted nodes", plan.flowTrustedNodes.map(\.rawValue).joined(separator: ", ")))
        }
        if let fallback = plan.fallback { rows.append(TextRow("  fallback", fallback, valueRole: .warning)) }
        if let note = plan.note { rows.append(TextRow("  " + note, role: .warning)) }
        return rows
    }

    /// The overdrawn segments a demand's flow crosses (`SharedCapacity`): what they carry and what the demands take.
    private static func sharedSegmentRows(_ overloads: [SegmentOverload]) -> [TextRow] {
        guard !overloads.isEmpty else { return [] }
        var rows: [TextRow] = [.blank, .heading("Shared with other demands")]
        for overload in overloads {
            let forced = overload.isForced
            rows.append(TextRow("  " + overload.segment, EngineeringFormat.rate(overload.keyRateBps), valueRole: .warning))
            rows.append(TextRow(forced ? "    every path of" : "    crossed by",
                                (forced ? overload.forcedBy : overload.demands).map(\.rawValue).joined(separator: ", ")))
            rows.append(TextRow(forced ? "    who need" : "    scaled flows take",
                                EngineeringFormat.rate(forced ? overload.forcedBps : overload.loadBps), valueRole: .bad))
        }
        return rows
    }

    // MARK: Node and overview

    private static func nodeRows(_ node: Node, topology: Topology) -> [TextRow] {
        var rows = keyRows(node)
        let links = topology.links.filter { $0.touches(node.id) }
        if !links.isEmpty {
            rows += [.blank, .heading("Links")]
            rows += links.map { TextRow("  \($0.id) → \($0.otherEnd(from: node.id))", $0.resolvedMedium.rawValue) }
        }
        return rows
    }

    private static func overviewRows(_ state: AppState) -> [TextRow] {
        let topology = state.topology
        var rows = [TextRow(topology.name, role: .heading)]
        if topology.nodes.isEmpty { return rows + gettingStarted }
        if let plan = state.plan {
            let keyed = plan.links.filter { $0.keyRateBps > 0 }.count
            let met = plan.demands.filter(\.satisfied).count
            rows.append(TextRow("links with key", "\(keyed) of \(plan.links.count)"))
            rows.append(TextRow("demands met", "\(met) of \(plan.demands.count)", valueRole: met == plan.demands.count ? .good : .bad))
            if plan.demands.count > 1 {
                let together = plan.demandsMetTogether
                rows.append(TextRow("  met together", together.rawValue,
                                    valueRole: together == .yes ? .good : together == .no ? .bad : .warning))
            }
            rows += plan.diagnostics.prefix(5).map { TextRow($0.message, role: $0.severity == .error ? .error : .warning) }
        } else {
            rows.append(TextRow("not planned", role: .dim))
        }
        rows += errorRows(state.errors)
        rows += [.blank, TextRow("j/k select · : command · ? help", role: .dim)]
        return rows
    }

    /// What an empty topology's inspector says: the commands that build a first network.
    private static let gettingStarted: [TextRow] = [
        TextRow("No nodes yet. Type these:", role: .dim),
        TextRow(":add node A endpoint 0 0", role: .key), TextRow(":add node T trusted 40 0", role: .key),
        TextRow(":add node B endpoint 80 0", role: .key), TextRow(":add link L1 A T fiber", role: .key),
        TextRow(":add link L2 T B fiber", role: .key), TextRow(":add demand A B 1 kbit/s", role: .key),
        TextRow("(x, y in km) then j selects; ? helps", role: .dim),
    ]

    /// The planner's errors, warnings and notes about a link or segment, under its key (`warning: key: message`).
    static func diagnosticRows(_ diagnostics: [Diagnostic]) -> [TextRow] {
        diagnostics.map { TextRow("  " + $0.description, role: $0.severity == .error ? .error : .warning) }
    }

    /// The topology's validation errors, which keep it from being planned.
    private static func errorRows(_ errors: [Diagnostic]) -> [TextRow] {
        guard !errors.isEmpty else { return [] }
        return [.blank, .heading("Errors (\(errors.count))")] + errors.map { TextRow("  " + $0.description, role: .error) }
    }

    /// The keys the record sets, as the file writes them.
    static func keyRows<Record: SchemaRecord>(_ record: Record) -> [TextRow] {
        var rows: [TextRow] = [.blank, .heading("Keys")]
        for field in Record.fields {
            guard let value = field.read(record) else { continue }
            let text: String
            switch value {
            case .scalar(let scalar): text = scalar
            case .sequence(let items): text = "[" + items.joined(separator: ", ") + "]"
            case .mapping(let entries): text = "{" + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
            }
            rows.append(TextRow("  " + field.key, text, valueRole: .dim))
        }
        return rows
    }
}
