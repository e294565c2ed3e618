export { closest, didYouMean, distance } from "./suggest.js";
