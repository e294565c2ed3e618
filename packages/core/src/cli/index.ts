export { gitRefusal, UNTRUSTED_GIT_ARGS } from "./git.js";
export { closest, didYouMean, distance } from "./suggest.js";
export { nonUtf8Argument } from "./utf8.js";
