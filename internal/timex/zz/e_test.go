package zz
import ("testing";"os";"fmt";"bufio";"encoding/json";"time"
"github.com/crosscheck/crosscheck/internal/timex"
"github.com/crosscheck/crosscheck/internal/news")
func TestE(t *testing.T){
 f,_:=os.Open("/tmp/infer_eval.jsonl"); sc:=bufio.NewScanner(f); sc.Buffer(nil,1<<24)
 tg:=timex.New()
 for sc.Scan(){
  var r struct{Src,Date string; Paras []string}
  json.Unmarshal(sc.Bytes(),&r)
  a:=&news.Article{Paragraphs:r.Paras}
  d,c,ev,ok:=tg.InferReference(a)
  if !ok {continue}
   g,_:=time.Parse("2006-01-02",r.Date)
   d2:=time.Date(g.Year(),d.Month(),d.Day(),0,0,0,0,time.UTC)
   fmt.Printf("%s gold=%s got=%s conf=%.2f yearok=%v mddiff=%.0f wdok=%v %q\n",r.Src,r.Date,d.Format("2006-01-02"),c,d.Year()==g.Year(),d2.Sub(g).Hours()/24,d.Weekday()==g.Weekday(),ev[len(ev)-1])
 }
}
