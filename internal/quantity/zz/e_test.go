package zz
import ("testing";"os";"fmt";"bufio";"encoding/json";"strings"
"github.com/crosscheck/crosscheck/internal/quantity")
func TestE(t *testing.T){
 f,_:=os.Open("/tmp/infer_eval.jsonl"); sc:=bufio.NewScanner(f); sc.Buffer(nil,1<<24)
 n:=0
 for sc.Scan(){
  var r struct{Src,Date string; Paras []string}
  json.Unmarshal(sc.Bytes(),&r)
  n++
  if n%6!=0 {continue}
  body:=strings.Join(r.Paras,"\n\n")
  for _,q:=range quantity.Parse(body){ lo:=q.Start-25; if lo<0{lo=0}; hi:=q.End+15; if hi>len(body){hi=len(body)}
   fmt.Printf("%-40q %-10v %-16q %-12q ctx=%q\n",q.Text,q.Value,q.Unit,q.Qualifier,strings.ReplaceAll(body[lo:hi],"\n"," "))}
 }
}
