/**
 * The built-in demos of task flows, as the command line runs them: a word count over a text
 * ({@link io.neuromesh.flows.demo.WordCount}) and a crawl of URLs ({@link io.neuromesh.flows.demo.Crawl}).
 *
 * @since 0.1
 */
package io.neuromesh.flows.demo;
