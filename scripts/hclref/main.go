// Command hclref is the reference side of Airlock's HCL conformance tests.
//
// It parses HCL native-syntax files with HashiCorp's own parser
// (github.com/hashicorp/hcl/v2/hclsyntax) and prints the resulting structure
// (attributes, blocks, source ranges, diagnostics) as JSON, so the Swift
// parser's output can be compared against it.
//
// Usage:
//
//	hclref FILE...            one JSON array, one object per file
//	hclref -exprs FILE...     same, plus an expression tree per attribute
//	hclref -bench N FILE...   parse all files N times, print throughput
//
// Exit status is 1 if any file produced an error diagnostic, else 0
// (always 0 in -bench mode unless arguments are bad).
//
// Built in GOPATH mode (no go.mod) by scripts/build-hclref.sh.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sort"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// ---------------------------------------------------------------------------
// Output shapes. Struct field order fixes the JSON key order.

type jsonPos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Byte   int `json:"byte"`
}

type jsonRange struct {
	Start jsonPos `json:"start"`
	End   jsonPos `json:"end"`
}

type jsonNode struct {
	Kind      string      `json:"kind"`
	Range     jsonRange   `json:"range"`
	Traversal []string    `json:"traversal,omitempty"`
	Children  []*jsonNode `json:"children"`
}

type jsonAttr struct {
	Name      string    `json:"name"`
	NameRange jsonRange `json:"name_range"`
	Range     jsonRange `json:"range"`
	ExprRange jsonRange `json:"expr_range"`
	Expr      *jsonNode `json:"expr,omitempty"`
}

type jsonBlock struct {
	Type            string      `json:"type"`
	Labels          []string    `json:"labels"`
	TypeRange       jsonRange   `json:"type_range"`
	LabelRanges     []jsonRange `json:"label_ranges"`
	OpenBraceRange  jsonRange   `json:"open_brace_range"`
	CloseBraceRange jsonRange   `json:"close_brace_range"`
	Range           jsonRange   `json:"range"`
	Attributes      []jsonAttr  `json:"attributes"`
	Blocks          []jsonBlock `json:"blocks"`
}

type jsonDiag struct {
	Severity string     `json:"severity"`
	Summary  string     `json:"summary"`
	Detail   string     `json:"detail"`
	Range    *jsonRange `json:"range"`
}

type jsonFile struct {
	Path        string      `json:"path"`
	Attributes  []jsonAttr  `json:"attributes"`
	Blocks      []jsonBlock `json:"blocks"`
	Diagnostics []jsonDiag  `json:"diagnostics"`
}

type jsonBench struct {
	Files   int     `json:"files"`
	Bytes   int     `json:"bytes"`
	Passes  int     `json:"passes"`
	Seconds float64 `json:"seconds"`
	MBPerS  float64 `json:"mb_per_s"`
}

// ---------------------------------------------------------------------------
// Conversion.

func convPos(p hcl.Pos) jsonPos {
	return jsonPos{Line: p.Line, Column: p.Column, Byte: p.Byte}
}

func convRange(r hcl.Range) jsonRange {
	return jsonRange{Start: convPos(r.Start), End: convPos(r.End)}
}

func convAttrs(attrs hclsyntax.Attributes, withExprs bool) []jsonAttr {
	list := make([]*hclsyntax.Attribute, 0, len(attrs))
	for _, a := range attrs {
		list = append(list, a)
	}
	sort.Slice(list, func(i, j int) bool {
		return list[i].SrcRange.Start.Byte < list[j].SrcRange.Start.Byte
	})
	out := make([]jsonAttr, 0, len(list))
	for _, a := range list {
		ja := jsonAttr{
			Name:      a.Name,
			NameRange: convRange(a.NameRange),
			Range:     convRange(a.SrcRange),
			ExprRange: convRange(a.Expr.Range()),
		}
		if withExprs {
			ja.Expr = convExpr(a.Expr)
		}
		out = append(out, ja)
	}
	return out
}

func convBlocks(blocks hclsyntax.Blocks, withExprs bool) []jsonBlock {
	out := make([]jsonBlock, 0, len(blocks))
	for _, b := range blocks {
		labels := make([]string, 0, len(b.Labels))
		labels = append(labels, b.Labels...)
		lr := make([]jsonRange, 0, len(b.LabelRanges))
		for _, r := range b.LabelRanges {
			lr = append(lr, convRange(r))
		}
		jb := jsonBlock{
			Type:            b.Type,
			Labels:          labels,
			TypeRange:       convRange(b.TypeRange),
			LabelRanges:     lr,
			OpenBraceRange:  convRange(b.OpenBraceRange),
			CloseBraceRange: convRange(b.CloseBraceRange),
			Range:           convRange(b.Range()),
			Attributes:      []jsonAttr{},
			Blocks:          []jsonBlock{},
		}
		if b.Body != nil {
			jb.Attributes = convAttrs(b.Body.Attributes, withExprs)
			jb.Blocks = convBlocks(b.Body.Blocks, withExprs)
		}
		out = append(out, jb)
	}
	return out
}

func convDiags(diags hcl.Diagnostics) []jsonDiag {
	out := make([]jsonDiag, 0, len(diags))
	for _, d := range diags {
		sev := "error"
		if d.Severity == hcl.DiagWarning {
			sev = "warning"
		}
		jd := jsonDiag{Severity: sev, Summary: d.Summary, Detail: d.Detail}
		if d.Subject != nil {
			r := convRange(*d.Subject)
			jd.Range = &r
		}
		out = append(out, jd)
	}
	return out
}

// exprTreeBuilder implements hclsyntax.Walker, building a jsonNode tree
// whose children are each node's direct children in walk order.
//
// hclsyntax.ChildScope is a synthetic node that ForExpr's walk wraps around
// its key, value and condition expressions; it is not part of the AST, so it
// is elided here (its expression becomes a direct child of the ForExpr).
// Elided nodes are pushed as nil so Enter/Exit stay symmetric.
type exprTreeBuilder struct {
	stack []*jsonNode
	root  *jsonNode
}

func (w *exprTreeBuilder) Enter(node hclsyntax.Node) hcl.Diagnostics {
	if _, ok := node.(hclsyntax.ChildScope); ok {
		w.stack = append(w.stack, nil)
		return nil
	}
	n := &jsonNode{
		Kind:     kindName(node),
		Range:    convRange(node.Range()),
		Children: []*jsonNode{},
	}
	if st, ok := node.(*hclsyntax.ScopeTraversalExpr); ok {
		n.Traversal = traversalStrings(st.Traversal)
	}
	var parent *jsonNode
	for i := len(w.stack) - 1; i >= 0; i-- {
		if w.stack[i] != nil {
			parent = w.stack[i]
			break
		}
	}
	if parent == nil {
		w.root = n
	} else {
		parent.Children = append(parent.Children, n)
	}
	w.stack = append(w.stack, n)
	return nil
}

func (w *exprTreeBuilder) Exit(node hclsyntax.Node) hcl.Diagnostics {
	w.stack = w.stack[:len(w.stack)-1]
	return nil
}

func convExpr(expr hclsyntax.Expression) *jsonNode {
	w := &exprTreeBuilder{}
	hclsyntax.Walk(expr, w)
	return w.root
}

func kindName(v interface{}) string {
	t := reflect.TypeOf(v)
	for t != nil && t.Kind() == reflect.Ptr {
		t = t.Elem()
	}
	if t == nil {
		return "nil"
	}
	return t.Name()
}

func traversalStrings(tr hcl.Traversal) []string {
	out := make([]string, 0, len(tr))
	for _, step := range tr {
		switch s := step.(type) {
		case hcl.TraverseRoot:
			out = append(out, s.Name)
		case hcl.TraverseAttr:
			out = append(out, "."+s.Name)
		case hcl.TraverseIndex:
			out = append(out, "["+ctyKeyJSON(s.Key)+"]")
		case hcl.TraverseSplat:
			out = append(out, "[*]")
		default:
			out = append(out, "?"+kindName(step))
		}
	}
	return out
}

// ctyKeyJSON renders a traversal index key (a literal) as JSON text.
func ctyKeyJSON(v cty.Value) string {
	if v.IsNull() {
		return "null"
	}
	if !v.IsKnown() {
		return "\"<unknown>\""
	}
	var x interface{}
	switch v.Type() {
	case cty.String:
		x = v.AsString()
	case cty.Number:
		bf := v.AsBigFloat()
		if bf.IsInt() {
			i, _ := bf.Int(nil)
			return i.String()
		}
		return bf.Text('g', -1)
	case cty.Bool:
		x = v.True()
	default:
		x = "<" + v.Type().FriendlyName() + ">"
	}
	b, err := json.Marshal(x)
	if err != nil {
		return "\"<error>\""
	}
	return string(b)
}

// ---------------------------------------------------------------------------
// Modes.

func parseOne(path string, withExprs bool) (jsonFile, bool) {
	jf := jsonFile{
		Path:        path,
		Attributes:  []jsonAttr{},
		Blocks:      []jsonBlock{},
		Diagnostics: []jsonDiag{},
	}
	src, err := os.ReadFile(path)
	if err != nil {
		jf.Diagnostics = append(jf.Diagnostics, jsonDiag{
			Severity: "error",
			Summary:  "Failed to read file",
			Detail:   err.Error(),
		})
		return jf, true
	}
	file, diags := hclsyntax.ParseConfig(src, path, hcl.Pos{Line: 1, Column: 1, Byte: 0})
	jf.Diagnostics = convDiags(diags)
	if file != nil {
		if body, ok := file.Body.(*hclsyntax.Body); ok && body != nil {
			jf.Attributes = convAttrs(body.Attributes, withExprs)
			jf.Blocks = convBlocks(body.Blocks, withExprs)
		}
	}
	return jf, diags.HasErrors()
}

func runDump(paths []string, withExprs bool) int {
	results := make([]jsonFile, 0, len(paths))
	failed := false
	for _, p := range paths {
		jf, hasErr := parseOne(p, withExprs)
		results = append(results, jf)
		if hasErr {
			failed = true
		}
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(results); err != nil {
		fmt.Fprintf(os.Stderr, "hclref: %v\n", err)
		return 2
	}
	if failed {
		return 1
	}
	return 0
}

func runBench(passes int, paths []string) int {
	srcs := make([][]byte, 0, len(paths))
	total := 0
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			fmt.Fprintf(os.Stderr, "hclref: %v\n", err)
			return 2
		}
		srcs = append(srcs, src)
		total += len(src)
	}
	start := time.Now()
	for i := 0; i < passes; i++ {
		for j, src := range srcs {
			hclsyntax.ParseConfig(src, paths[j], hcl.Pos{Line: 1, Column: 1, Byte: 0})
		}
	}
	secs := time.Since(start).Seconds()
	mbps := 0.0
	if secs > 0 {
		mbps = float64(total) * float64(passes) / 1e6 / secs
	}
	b, _ := json.Marshal(jsonBench{
		Files:   len(paths),
		Bytes:   total,
		Passes:  passes,
		Seconds: secs,
		MBPerS:  mbps,
	})
	fmt.Println(string(b))
	return 0
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: hclref [-exprs] FILE...\n       hclref -bench N FILE...")
	os.Exit(2)
}

func main() {
	args := os.Args[1:]
	if len(args) == 0 {
		usage()
	}
	switch args[0] {
	case "-bench", "--bench":
		if len(args) < 2 {
			usage()
		}
		var n int
		if _, err := fmt.Sscanf(args[1], "%d", &n); err != nil || n < 1 {
			fmt.Fprintf(os.Stderr, "hclref: bad pass count %q\n", args[1])
			os.Exit(2)
		}
		os.Exit(runBench(n, args[2:]))
	case "-exprs", "--exprs":
		os.Exit(runDump(args[1:], true))
	case "--":
		os.Exit(runDump(args[1:], false))
	default:
		os.Exit(runDump(args, false))
	}
}
