/* block */ a = 1
b = /* inline */ 2
/*
 multi
 line
*/
c = 3 /* trailing */
