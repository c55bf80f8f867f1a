/** Black-box tests of the whole platform over HTTP, as a client would see it. */
package dev.marquee.systemtests;
