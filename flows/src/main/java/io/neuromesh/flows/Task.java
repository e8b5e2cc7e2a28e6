package io.neuromesh.flows;

import com.google.gson.reflect.TypeToken;

import java.lang.reflect.Type;

/**
 * A unit of work a {@link Worker} runs: a name, the type its JSON arguments are decoded into (with Gson) and the type
 * of the result it returns (encoded to JSON with Gson).
 *
 * <p>Threading: {@link #run} is called on a virtual thread of the worker, possibly for several tasks at once, so an
 * implementation must be thread-safe. It is interrupted when its {@link TaskContext#timeout() timeout} passes. Since
 * delivery is at-least-once, a task may run twice for one submission: make it idempotent where that matters.
 *
 * @param <A> the argument type
 * @param <R> the result type
 * @since 0.1
 */
public interface Task<A, R> {

    /** The name submitters use, 1-128 characters of {@code A-Z a-z 0-9 _ . -}, e.g. {@code wordcount.count}. */
    String name();

    /** The type the JSON arguments are decoded into; {@code JsonElement.class} takes them as they are. */
    Type argumentType();

    /** The type of the result, used to encode it to JSON. */
    Type resultType();

    /**
     * Runs the task once.
     *
     * @param arguments the decoded arguments (null when the submitter sent none and the type allows it)
     * @param context   the task id, attempt number and timeout
     * @return the result, encoded to JSON for the submitter; null is sent as JSON {@code null}
     * @throws RetryableException to be run again after a backoff, up to the submitter's retry limit
     * @throws Exception          any other failure: the submitter gets an error result with the message
     */
    R run(A arguments, TaskContext context) throws Exception;

    /** The body of a task made with {@link #of}. */
    @FunctionalInterface
    interface Body<A, R> {
        /** See {@link Task#run(Object, TaskContext)}. */
        R run(A arguments, TaskContext context) throws Exception;
    }

    /**
     * A task from a function, with a plain class as argument type and the result typed as {@code Object} (Gson
     * encodes it by its runtime class).
     */
    static <A, R> Task<A, R> of(String name, Class<A> argumentType, Body<A, R> body) {
        return of(name, TypeToken.get(argumentType), body);
    }

    /** A task from a function, with a generic argument type such as {@code new TypeToken<List<String>>() {}}. */
    static <A, R> Task<A, R> of(String name, TypeToken<A> argumentType, Body<A, R> body) {
        io.neuromesh.flows.internal.wire.Names.requireTaskName("name", name);
        java.util.Objects.requireNonNull(body, "body");
        Type argType = argumentType.getType();
        return new Task<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Type argumentType() {
                return argType;
            }

            @Override
            public Type resultType() {
                return Object.class;
            }

            @Override
            public R run(A arguments, TaskContext context) throws Exception {
                return body.run(arguments, context);
            }

            @Override
            public String toString() {
                return "task " + name;
            }
        };
    }
}
