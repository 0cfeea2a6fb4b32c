/**
 * The program's one configured Jackson mapper ({@link org.jacobianlens.app.json.Json}) and the wording of what is
 * wrong with a JSON document in the user's terms ({@link org.jacobianlens.app.json.JsonProblem}).
 */
package org.jacobianlens.app.json;
