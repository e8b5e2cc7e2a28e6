package io.neuromesh.topology.internal.parse;

import io.neuromesh.topology.internal.validate.CrossReferences.Symbol;
import io.neuromesh.topology.internal.validate.ElementKind;
import io.neuromesh.topology.internal.validate.Path;
import io.neuromesh.topology.internal.validate.Rules;

/**
 * What a {@code sensors[]} and an {@code actuators[]} element both have, as read: an id, and the node and pin it
 * sits on, each with the order it was read in (0 when absent) so that messages about it are sorted by position.
 */
final class PinnedFields {

    Symbol id;
    long idOrder;
    String node;
    long nodeOrder;
    Long pin;
    long pinOrder;

    /** Reads the field {@code name} when it is {@code id}, {@code node} or {@code pin}; @return whether it was */
    boolean read(ParseContext ctx, String name, Path fieldAt, long fieldOrder) {
        switch (name) {
            case "id" -> {
                id = ctx.symbol(fieldAt, fieldOrder);
                idOrder = fieldOrder;
            }
            case "node" -> {
                node = ctx.id(fieldAt, fieldOrder);
                nodeOrder = fieldOrder;
            }
            case "pin" -> {
                pin = ctx.integer(fieldAt, fieldOrder, Rules.PIN);
                pinOrder = fieldOrder;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Declares the element's id when a valid one was read. */
    void declare(ParseContext ctx, ElementKind kind, int index) {
        if (id != null) {
            ctx.refs.element(kind, index, idOrder, id);
        }
    }

    /** Claims the node's pin when a valid node and pin were read. */
    void claimPin(ParseContext ctx, ElementKind kind, int index) {
        if (node != null && pin != null) {
            ctx.refs.pin(kind, index, id == null ? null : id.id(), pinOrder, node, pin.intValue());
        }
    }
}
