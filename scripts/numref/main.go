// Command numref is the reference side of Airlock's Number tests.
//
// It evaluates number cases with go-cty's own operations (the stdlib functions
// HCL's operators call, so big.ErrNaN panics become the same errors Terraform
// reports) and Go's math/big, and prints one tab-separated row per case:
//
//	op  a  b  result  precision
//
// Input lines are "op<TAB>a[<TAB>b]"; lines starting with '#' and empty lines
// are copied through. An operand says how its number was made:
//
//	lit:TEXT      cty.ParseNumberVal (a literal or tonumber: 512 bits)
//	int:N         cty.NumberIntVal (new(big.Float).SetInt64: 64 bits)
//	float:X       cty.NumberFloatVal of strconv.ParseFloat(X, 64) (53 bits)
//	bigint:N      (&big.Float{}).SetInt, as parseint does (max(bit length, 64) bits)
//	prec:P:TEXT   big.ParseFloat(TEXT, 10, P, big.ToNearestEven), any precision
//
// Operations: parse TEXT (the operand is the raw text), text, g10 (big.Float's
// String, which cty's set hashing uses), add, sub, mul, div, mod, neg, eq, lt,
// le, gt, ge, floor, ceil, trunc, int, double, isint, sign.
//
// A number result prints as Text('f', -1) and its precision; a bool, an int or a
// float64 (as its bits in hex) prints with "-" for precision; an error prints as
// "error: MESSAGE".
//
// Modes:
//
//	numref < cases             evaluate cases
//	numref -random N -seed S   generate and evaluate N random cases
//	numref -terraform < rows   print `terraform console` expressions, one line per
//	                           150 cases, that evaluate the same cases (one JSON array
//	                           element each, "skip" where Terraform cannot say it)
//
// Debian's go-cty is 1.12.1; Terraform 1.11.4 bundles 1.16.0, whose equality of
// numbers compares exact integers as integers before falling back to comparing
// their shortest decimal text. eq, le and ge follow 1.16.0 here (see
// terraformEqual), which scripts/gen-number-cases.sh checks against a real
// `terraform console` when one is installed.
//
// Built in GOPATH mode (no go.mod) by scripts/gen-number-cases.sh.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"math/big"
	"math/rand"
	"os"
	"strconv"
	"strings"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

func main() {
	random := flag.Int("random", 0, "generate and evaluate this many random cases")
	seed := flag.Int64("seed", 1, "seed for -random")
	terraform := flag.Bool("terraform", false, "print a terraform console expression for the cases on stdin")
	flag.Parse()

	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()

	if *random > 0 {
		rng := rand.New(rand.NewSource(*seed))
		for i := 0; i < *random; i++ {
			fields := randomCase(rng)
			fmt.Fprintln(out, row(fields))
		}
		return
	}

	scanner := bufio.NewScanner(os.Stdin)
	scanner.Buffer(make([]byte, 1<<20), 1<<26)
	if *terraform {
		var parts []string
		for scanner.Scan() {
			line := scanner.Text()
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			parts = append(parts, terraformExpr(strings.Split(line, "\t")))
		}
		// terraform console reads lines of at most 64 KiB: one expression per chunk.
		for len(parts) > 0 {
			n := len(parts)
			if n > 150 {
				n = 150
			}
			fmt.Fprintf(out, "jsonencode([%s])\n", strings.Join(parts[:n], ", "))
			parts = parts[n:]
		}
		return
	}
	for scanner.Scan() {
		line := scanner.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			fmt.Fprintln(out, line)
			continue
		}
		fmt.Fprintln(out, row(strings.Split(line, "\t")))
	}
}

// row evaluates one case and formats its output row.
func row(fields []string) string {
	for len(fields) < 3 {
		fields = append(fields, "-")
	}
	result, prec := evaluate(fields[0], fields[1], fields[2])
	return strings.Join([]string{fields[0], fields[1], fields[2], result, prec}, "\t")
}

// operand builds a number the way its prefix says.
func operand(spec string) (cty.Value, error) {
	kind, text, ok := strings.Cut(spec, ":")
	if !ok {
		return cty.NilVal, fmt.Errorf("operand %q has no kind", spec)
	}
	switch kind {
	case "lit":
		return cty.ParseNumberVal(text)
	case "int":
		n, err := strconv.ParseInt(text, 10, 64)
		if err != nil {
			return cty.NilVal, err
		}
		return cty.NumberIntVal(n), nil
	case "float":
		f, err := strconv.ParseFloat(text, 64)
		if err != nil && !strings.Contains(err.Error(), "range") {
			return cty.NilVal, err
		}
		return cty.NumberFloatVal(f), nil
	case "bigint":
		i, ok := new(big.Int).SetString(text, 10)
		if !ok {
			return cty.NilVal, fmt.Errorf("bad bigint %q", text)
		}
		return cty.NumberVal((&big.Float{}).SetInt(i)), nil
	case "prec":
		p, rest, ok := strings.Cut(text, ":")
		if !ok {
			return cty.NilVal, fmt.Errorf("bad prec operand %q", spec)
		}
		bits, err := strconv.Atoi(p)
		if err != nil {
			return cty.NilVal, err
		}
		f, _, err := big.ParseFloat(rest, 10, uint(bits), big.ToNearestEven)
		if err != nil {
			return cty.NilVal, err
		}
		return cty.NumberVal(f), nil
	}
	return cty.NilVal, fmt.Errorf("unknown operand kind %q", kind)
}

func number(v cty.Value) (string, string) {
	bf := v.AsBigFloat()
	return bf.Text('f', -1), strconv.FormatUint(uint64(bf.Prec()), 10)
}

func boolean(b bool) (string, string) { return strconv.FormatBool(b), "-" }

func failure(err error) (string, string) {
	msg := err.Error()
	// A panic that is not big.ErrNaN reaches Terraform as a PanicError with a
	// stack; keep only its stable first words.
	if strings.HasPrefix(msg, "panic in function implementation") {
		msg = "panic in function implementation"
	}
	return "error: " + msg, "-"
}

func evaluate(op, a, b string) (string, string) {
	if op == "parse" {
		v, err := cty.ParseNumberVal(a)
		if err != nil {
			return failure(err)
		}
		return number(v)
	}
	x, err := operand(a)
	if err != nil {
		return failure(err)
	}
	var y cty.Value
	switch op {
	case "add", "sub", "mul", "div", "mod", "eq", "lt", "le", "gt", "ge":
		if y, err = operand(b); err != nil {
			return failure(err)
		}
	}
	bx := x.AsBigFloat()
	switch op {
	case "text":
		return number(x)
	case "g10":
		return bx.String(), "-"
	case "add":
		return call(stdlib.AddFunc, x, y)
	case "sub":
		return call(stdlib.SubtractFunc, x, y)
	case "mul":
		return call(stdlib.MultiplyFunc, x, y)
	case "div":
		return call(stdlib.DivideFunc, x, y)
	case "mod":
		return call(stdlib.ModuloFunc, x, y)
	case "neg":
		return call(stdlib.NegateFunc, x)
	case "eq":
		return boolean(terraformEqual(bx, y.AsBigFloat()))
	case "lt":
		return boolean(x.LessThan(y).True())
	case "gt":
		return boolean(x.GreaterThan(y).True())
	case "le":
		return boolean(x.LessThan(y).True() || terraformEqual(bx, y.AsBigFloat()))
	case "ge":
		return boolean(x.GreaterThan(y).True() || terraformEqual(bx, y.AsBigFloat()))
	case "floor":
		return call(stdlib.FloorFunc, x)
	case "ceil":
		return call(stdlib.CeilFunc, x)
	case "trunc":
		// Not a Terraform function: floor's mechanics rounding toward zero.
		if bx.IsInf() {
			return number(x)
		}
		i, _ := bx.Int(nil)
		return number(cty.NumberVal(bx.SetInt(i)))
	case "int":
		i, acc := bx.Int64()
		if bx.IsInf() || acc != big.Exact {
			return "none", "-"
		}
		return strconv.FormatInt(i, 10), "-"
	case "double":
		f, _ := bx.Float64()
		return fmt.Sprintf("%016x", math.Float64bits(f)), "-"
	case "isint":
		return boolean(bx.IsInt())
	case "sign":
		return strconv.Itoa(bx.Sign()), "-"
	}
	return failure(fmt.Errorf("unknown op %q", op))
}

func call(f function.Function, args ...cty.Value) (string, string) {
	v, err := f.Call(args)
	if err != nil {
		return failure(err)
	}
	return number(v)
}

// terraformEqual is go-cty 1.16.0's equality of two numbers (rawNumberEqual):
// same sign; exact integers compare as integers; a non-integer never equals an
// integer; two non-integers are equal when their shortest decimal text is.
func terraformEqual(a, b *big.Float) bool {
	if a.Sign() != b.Sign() {
		return false
	}
	ai, aacc := a.Int(nil)
	bi, bacc := b.Int(nil)
	if aacc != bacc {
		return false
	}
	if aacc == big.Exact {
		return ai.Cmp(bi) == 0
	}
	as, bs := a.Text('f', -1), b.Text('f', -1)
	if as == "-0" {
		as = "0"
	}
	if bs == "-0" {
		bs = "0"
	}
	return as == bs
}

// terraformExpr is the same case as a `terraform console` expression.
func terraformExpr(fields []string) string {
	for len(fields) < 3 {
		fields = append(fields, "-")
	}
	op, a, b := fields[0], fields[1], fields[2]
	quote := func(s string) string { return strconv.Quote(s) }
	str := func(e string) string { return fmt.Sprintf("try(tostring(%s), \"error\")", e) }
	if op == "parse" {
		return str("tonumber(" + quote(a) + ")")
	}
	x, okx := tfOperand(a)
	y, oky := tfOperand(b)
	binary := map[string]string{"add": "+", "sub": "-", "mul": "*", "div": "/", "mod": "%"}
	compare := map[string]string{"eq": "==", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}
	switch {
	case !okx:
		return "\"skip\""
	case op == "text":
		return str(x)
	case op == "neg":
		return str("-(" + x + ")")
	case op == "floor" || op == "ceil":
		return str(op + "(" + x + ")")
	case binary[op] != "" && oky:
		return str(x + " " + binary[op] + " " + y)
	case compare[op] != "" && oky:
		return fmt.Sprintf("try(tostring(%s %s %s), \"error\")", x, compare[op], y)
	}
	return "\"skip\""
}

func tfOperand(spec string) (string, bool) {
	kind, text, _ := strings.Cut(spec, ":")
	switch kind {
	case "lit":
		return "tonumber(" + strconv.Quote(text) + ")", true
	case "int", "bigint":
		return "parseint(" + strconv.Quote(text) + ", 10)", true
	case "float":
		f, err := strconv.ParseFloat(text, 64)
		// pow(x, 1) is NumberFloatVal(x), but its argument goes through float64,
		// which Terraform refuses for infinities and out-of-range values.
		if err != nil || math.IsInf(f, 0) {
			return "", false
		}
		return "pow(tonumber(" + strconv.Quote(strconv.FormatFloat(f, 'g', -1, 64)) + "), 1)", true
	}
	return "", false
}

// randomCase draws one case: mostly arithmetic over operands of every kind.
func randomCase(rng *rand.Rand) []string {
	ops := []string{"add", "sub", "mul", "div", "mod", "add", "sub", "mul", "div", "mod",
		"eq", "lt", "le", "ge", "neg", "floor", "ceil", "trunc", "text", "g10", "int", "double", "isint", "parse"}
	op := ops[rng.Intn(len(ops))]
	if op == "parse" {
		return []string{op, randomDecimal(rng), "-"}
	}
	return []string{op, randomOperand(rng), randomOperand(rng)}
}

func randomOperand(rng *rand.Rand) string {
	switch rng.Intn(10) {
	case 0, 1, 2:
		return "lit:" + randomDecimal(rng)
	case 3, 4:
		return "int:" + strconv.FormatInt(randomInt(rng), 10)
	case 5, 6:
		return "float:" + randomFloat(rng)
	case 7:
		digits := 1 + rng.Intn(60)
		s := randomDigits(rng, digits)
		if rng.Intn(2) == 0 {
			s = "-" + s
		}
		return "bigint:" + s
	default:
		precs := []int{1, 2, 3, 7, 24, 53, 64, 100, 113, 200, 511, 512, 513, 600}
		return fmt.Sprintf("prec:%d:%s", precs[rng.Intn(len(precs))], randomDecimal(rng))
	}
}

func randomInt(rng *rand.Rand) int64 {
	switch rng.Intn(4) {
	case 0:
		return int64(rng.Intn(21) - 10)
	case 1:
		return int64(rng.Intn(2001) - 1000)
	case 2:
		return rng.Int63n(1<<53) - 1<<52
	default:
		n := rng.Int63()
		if rng.Intn(2) == 0 {
			n = -n - int64(rng.Intn(2))
		}
		return n
	}
}

func randomFloat(rng *rand.Rand) string {
	var f float64
	switch rng.Intn(4) {
	case 0:
		f = float64(rng.Intn(2001)-1000) / float64(1+rng.Intn(64))
	case 1:
		f = rng.NormFloat64() * math.Pow(10, float64(rng.Intn(40)-20))
	case 2:
		f = float64(rng.Int63n(1<<53)) * math.Pow(2, float64(rng.Intn(80)-40))
	default:
		for {
			f = math.Float64frombits(rng.Uint64())
			if !math.IsNaN(f) && !math.IsInf(f, 0) {
				break
			}
		}
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

func randomDigits(rng *rand.Rand, n int) string {
	var sb strings.Builder
	sb.WriteByte(byte('1' + rng.Intn(9)))
	for i := 1; i < n; i++ {
		sb.WriteByte(byte('0' + rng.Intn(10)))
	}
	return sb.String()
}

// randomDecimal is a number literal: small integers most often, then decimals
// with fractions and exponents of every size.
func randomDecimal(rng *rand.Rand) string {
	sign := ""
	if rng.Intn(3) == 0 {
		sign = "-"
	}
	switch rng.Intn(6) {
	case 0:
		return sign + strconv.Itoa(rng.Intn(1000))
	case 1:
		return sign + randomDigits(rng, 1+rng.Intn(40))
	case 2:
		return sign + strconv.Itoa(rng.Intn(100)) + "." + randomDigits(rng, 1+rng.Intn(6))
	case 3:
		return sign + randomDigits(rng, 1+rng.Intn(20)) + "." + randomDigits(rng, 1+rng.Intn(20))
	case 4:
		return sign + randomDigits(rng, 1+rng.Intn(5)) + "e" + strconv.Itoa(rng.Intn(80)-40)
	default:
		return sign + randomDigits(rng, 1+rng.Intn(17)) + "e" + strconv.Itoa(rng.Intn(700)-350)
	}
}
