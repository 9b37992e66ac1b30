/** Dataset generation: system recipes (protocol + labels + descriptor) and the resumable, shardable generator. */
package org.spr.generate;
