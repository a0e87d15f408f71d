package quote

// Speaker rules that read the words around a subject: the person a
// compound subject names, and the subject of the main clause.

// nameHead cuts a subject span to the person it names when a title stands
// inside it: "Ohio Democratic Party Chairman David Pepper" → "David
// Pepper"; "European Council President Donald Tusk" → "Donald Tusk". The
// organisation in front qualifies the title; the speaker is the person
// after it. A span without an inner title, or ending with one, is kept.
func (d *doc) nameHead(span [2]int) [2]int {
	i, j := d.tokAt(span[0]), d.tokAt(span[1])-1
	if j >= len(d.toks) {
		j = len(d.toks) - 1
	}
	for k := j - 1; k > i; k-- {
		if d.title(d.tok(k)) && d.nameTok(k+1) && !d.title(d.tok(k+1)) {
			return [2]int{d.toks[k+1].Start, span[1]}
		}
	}
	return span
}
