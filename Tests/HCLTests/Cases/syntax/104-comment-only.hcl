# just a comment
// another
/* and
   another */
