/**
 * What this build is, from the poms through Maven resource filtering: the program's version, the DL4J/ND4J and
 * OpenBLAS versions and the JVM flags ({@link org.jacobianlens.app.build.BuildInfo}), which flags a JVM lacks
 * ({@link org.jacobianlens.app.build.JvmFlags}), and the versions block of run.json and sweep.json.
 */
package org.jacobianlens.app.build;
