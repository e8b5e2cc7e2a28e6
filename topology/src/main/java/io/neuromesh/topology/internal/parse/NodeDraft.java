package io.neuromesh.topology.internal.parse;

import io.neuromesh.topology.NodeSpec;
import io.neuromesh.topology.internal.validate.Path;
import io.neuromesh.topology.internal.validate.Rules;

import java.util.List;
import java.util.OptionalInt;

/** One {@code nodes[]} element as read. */
final class NodeDraft {

    private String id;
    private long idOrder;
    private List<String> labels = List.of();
    private Long capacity;

    /** @return the draft, or null when the element is not an object (reported) */
    static NodeDraft read(ParseContext ctx, int index, Path at, long order) {
        NodeDraft d = new NodeDraft();
        boolean object = ctx.members(at, order, FieldNames.NODE, (name, fieldAt, fieldOrder) -> {
            switch (name) {
                case "id" -> {
                    d.id = ctx.id(fieldAt, fieldOrder);
                    d.idOrder = fieldOrder;
                }
                case "labels" -> d.labels = ctx.labels(fieldAt, fieldOrder);
                case "capacity" -> d.capacity = ctx.integer(fieldAt, fieldOrder, Rules.CAPACITY);
            }
        });
        if (!object) {
            return null;
        }
        if (d.idOrder == 0) {
            ctx.report(ctx.next(), at.field("id"), "missing");
        } else if (d.id != null) {
            ctx.refs.node(index, d.idOrder, d.id);
        }
        return d;
    }

    /** Call only when the document had no error. */
    NodeSpec toSpec() {
        return new NodeSpec(id, labels, capacity == null ? OptionalInt.empty() : OptionalInt.of(capacity.intValue()));
    }
}
