b one "two" three {
}
