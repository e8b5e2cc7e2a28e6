/**
 * The topology guard: the embedded broker refuses a publish on {@code neuromesh/topology} that would make the
 * retained topology invalid, older, or different under the same rev.
 */
package io.neuromesh.broker.internal.extension.topology;
