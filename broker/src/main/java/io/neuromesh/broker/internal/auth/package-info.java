/**
 * Users as data, without HiveMQ: the password hash, the user file's lines and its atomic owner-only writes, and the
 * ACL of each role as a pure function ({@link io.neuromesh.broker.internal.auth.Acl}).
 */
package io.neuromesh.broker.internal.auth;
