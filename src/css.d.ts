/** CSS imported by a bundle arrives as its text (esbuild's text loader). */
declare module '*.css' {
  const text: string;
  export default text;
}
