/** mark.js ships its ES2015 build as UMD without its own types; it is the same class as 'mark.js'. */
declare module 'mark.js/dist/mark.es6.js' {
  import Mark = require('mark.js');
  export default Mark;
}
