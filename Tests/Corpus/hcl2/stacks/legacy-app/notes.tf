# Single-line hash comment.
// Single-line double-slash comment.
/* Single-line block comment. */
/*
 * Multi-line block comment with the usual leading asterisks.
 * It may contain "quotes", ${not_interpolated}, %{ not_a_directive },
 * a hash # and slashes // and even a lone /* opener.
 */
/**/
/***/
/* a comment */ # followed by another comment on the same line

variable "retention" { # comment after the opening brace
  type    = number     # comment after an attribute
  default = 30         // slash comment after an attribute
  /* block comment as the last thing in a body */
}

variable "owners" {
  type = list(string)
  default = [
    "alice", # first
    // the second owner left the company
    /* "bob", */
    "carol", /* inline block comment */ "dave",
    "erin" /* no trailing comma, comment before bracket */
  ]
}

variable "weights" {
  type = map(number)
  default = {
    # comment inside an object constructor
    a = 1 # trailing comment
    b = 2 // trailing slash comment
    /* block comment line */
    c = /* before the value */ 3
  }
}

locals {
  /* comment between block items */
  sum = 1 + /* a comment in the middle of an expression */ 2

  // comment before a multi-line call
  list = concat(
    ["x"], # first arg
    # full-line comment between arguments
    ["y"], /* trailing block comment */
  )

  cond = (
    var.retention > 7 # long enough?
    ? "ok"            # yes
    : "short"         # no
  )

  for_with_comments = [
    for o in var.owners : # iterate owners
    upper(o)              // upper-case them
    if o != "dave"        /* and skip dave */
  ]

  #comment without a space after the hash
  //comment without a space after the slashes
  url = "http://example.com/#fragment" # '#' and '//' inside strings are not comments
  not_comment = "/* also not a comment */"
}

# Comment directly before a block.
resource "aws_cloudwatch_log_group" "notes" {
  name              = "notes" /* block comment at end of line */
  retention_in_days = var.retention

  /*
  tags = {
    disabled = "true"
  }
  */
}
// Comment directly after a block, at the end of the file.
