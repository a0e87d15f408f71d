package entity

// Hand-written word lists. Each list is a space- or "|"-separated string that
// New splits once into a lookup table; keys are lower case. Multi-word
// entries use "|" as the separator between entries and a space inside them.

// roleList holds titles and roles that precede a name and are not part of it
// ("Secretary of State Rex Tillerson" -> role "Secretary of State").
// Abbreviations are listed without their period.
const roleList = `secretary of state|secretary|foreign minister|prime minister|minister|president|vice president|
president-elect|senator|sen|rep|representative|congressman|congresswoman|gov|governor|lt. gov|lieutenant governor|
mayor|dj|mc|rapper|council member|councilmember|board member|assembly member|mr|mrs|ms|miss|dr|d.a|prof|professor|rev|reverend|gen|general|adm|admiral|lt|lieutenant|col|colonel|maj|major|capt|captain|
sgt|sergeant|cpl|pvt|cmdr|commander|judge|justice|chief justice|attorney general|solicitor general|surgeon general|
speaker|house speaker|majority leader|minority leader|leader|chairman|chairwoman|chair|chief executive|ceo|cfo|coo|
spokesman|spokeswoman|spokesperson|press secretary|ambassador|envoy|special envoy|chancellor|king|queen|prince|princess|
pope|sheikh|ayatollah|imam|rabbi|father|sister|brother|bishop|archbishop|cardinal|commissioner|chief|premier|
director|deputy|inspector general|defense secretary|defence secretary|state secretary|first lady|first minister|
foreign secretary|home secretary|interior minister|defense minister|defence minister|finance minister|economy minister|
health minister|justice minister|treasury secretary|homeland security secretary|energy secretary|labor secretary|
education secretary|agriculture secretary|commerce secretary|transportation secretary|secretary-general|secretary general|
national security adviser|national security advisor|adviser|advisor|aide|officer|detective|sheriff|coach|
anchor|host|correspondent|reporter|editor|columnist|analyst|economist|author|actor|actress|singer|
lawmaker|candidate|nominee|attorney|city attorney|district attorney|prosecutor|lawyer|counsel|
police chief|chief of staff|campaign manager|manager|strategist|pollster|historian|scientist|researcher|activist|
founder|co-founder|owner|executive|treasurer|clerk|assemblyman|assemblywoman|councilman|councilwoman|delegate|
crown prince|emir|sultan|whip|majority whip|minority whip|majority leader|president elect|dean|superintendent|pastor|
sen.|rep.|gov.|del`

// roleModifiers may open a role ("former", "Deputy", "then-"), but are not
// a role on their own.
const roleModifiers = `former acting deputy vice then interim outgoing incoming assistant associate senior chief top
late incumbent ex retired then-`

// femaleRoles and maleRoles give a gender hint for the entity carrying the
// role ("Ms." -> "f") and, for the quote finder, for a name next to them
// ("the spokeswoman, Maria Zakharova", "his wife, Anna").
const femaleRoles = `mrs ms miss spokeswoman chairwoman congresswoman queen princess sister actress assemblywoman
councilwoman lady dame madam businesswoman anchorwoman woman wife mother daughter widow grandmother girl`
const maleRoles = `mr spokesman chairman congressman king prince father brother assemblyman councilman pope sheikh
sultan emir sir lord businessman anchorman actor man husband son widower grandfather boy`

// titleQualifiers open an office title in front of a name without being a
// role by themselves ("Foreign Minister", "Prime Minister", "State
// Secretary", "Presidential candidate"). Unlike the recogniser's wider role
// qualifiers they never name a body ("White House", "Senate"), so a name
// run may drop them (IsTitle).
const titleQualifiers = `foreign defense defence homeland interior finance treasury state prime presidential`

// demonymList holds nationality and group adjectives that are not entities
// by themselves ("Russian leaders", "Syrian civilians").
const demonymList = `american americans russian russians syrian syrians chinese british english french german germans
italian italians spanish japanese korean koreans north-korean iranian iranians iraqi iraqis israeli israelis
palestinian palestinians afghan afghans pakistani pakistanis indian indians mexican mexicans canadian canadians
ukrainian ukrainians turkish turks saudi saudis egyptian egyptians libyan libyans lebanese jordanian yemeni
european europeans african africans asian asians arab arabs western eastern northern southern soviet
republican republicans democratic democrat democrats conservative conservatives liberal liberals
muslim muslims christian christians jewish jews catholic catholics protestant sunni shiite shia kurdish kurds
cuban cubans venezuelan brazilian argentine colombian chilean peruvian australian australians irish scottish
welsh dutch belgian swiss swedish norwegian danish finnish polish czech hungarian romanian greek serbian
croatian bosnian albanian georgian armenian turkish qatari emirati kuwaiti bahraini omani sudanese somali
ethiopian kenyan nigerian nigerians ghanaian south-african taiwanese vietnamese thai filipino indonesian
malaysian burmese cambodian latino latinos hispanic hispanics black white asian-american african-american
islamist islamists jihadist jihadists sikh hindu buddhist evangelical evangelicals orthodox
federal national international global regional local islamic`

// functionWords are capitalised only because they open a sentence or a
// heading; they are never part of a name at the start of a run
// ("But Tillerson ..." -> "Tillerson").
const functionWords = `a an the and but or nor so yet for if when while after before since until as at in on of to from by
with without about against among between during through into over under this that these those there here then
now today yesterday tomorrow tonight it its he she they we you i his her their our your my me him them us
what who whom whose which where why how all any each every some many most more much few both either neither
no not also even still just only however meanwhile instead although though because despite further furthermore
moreover indeed perhaps maybe yes asked according earlier later last next first second third another other
such once again already soon sometimes often never always mr mrs ms dr is was are were be been being has have
had do does did will would can could should might must shall let like unlike than via per amid amidst
across along around behind beyond near outside inside upon within toward towards whether thus hence
otherwise nevertheless nonetheless overall above below meanwhile updated read watch click photo video
related advertisement editor note whoever whatever whenever wherever well oh okay look hey please thanks copyright see follow share subscribe sign log
officials official police authorities critics analysts experts residents witnesses sources investigators
prosecutors lawmakers protesters others people supporters opponents voters observers diplomats leaders
troops soldiers rebels militants scientists researchers doctors officers workers members users parents
reporters journalists students teachers children families citizens americans everyone someone nobody anyone something nothing`

// timeWords are calendar words besides the month and weekday names
// (text.CalendarNames): with them, never entities, and never the start of a
// name ("Wednesday", "April 4").
const timeWords = `christmas easter thanksgiving ramadan halloween
today yesterday tomorrow am pm a.m p.m et est edt pst pdt gmt utc bst cst cdt`

// legalForms are a company's legal forms as written after its name
// ("Vell Corp", "Norbury Holdings PLC", "Dana Ruel, L.L.C."): the
// recogniser's company-suffix pattern (corpSuffix), a head of organisation
// names (orgHeads) and, to the listing gate, words that only incorporate a
// body ("Vell" and "Vell Corp" are one firm). Abbreviations are listed
// without their final period.
const legalForms = `Inc Incorporated Corp Corporation Co LLC L.L.C LLP Ltd Limited PLC plc GmbH S.A N.V`

// orgHeads mark an organisation when they are the last word of a name
// ("Foreign Ministry", "Fox Business", "Exxon Mobil Corp"); the legal
// forms (legalForms) are heads too.
const orgHeads = `company companies group holdings industries
ministry council agency university college school academy institute institution foundation fund
party administration department committee commission court congress senate parliament assembly
times news post press journal tribune herald telegraph gazette guardian chronicle daily review insider
magazine network networks radio television tv channel broadcasting media wire business
bank association federation union league organization organisation society club team alliance coalition
army navy force forces police guard command corps service services office bureau board authority
desk images photos dispatch church mosque hospital clinic center centre gallery galleries museum observatory airlines airways motors systems technologies labs laboratories
reserve exchange caucus cabinet regime government commonwealth front movement brigade brigades
partners capital fund trust studios records pictures entertainment communications energy petroleum oil
airport railway railways committee council`

// notBodyHeads are the organisation and publication heads (orgHeads,
// publicationHeads) that the listing gate does not take as evidence of a
// body, because they name places, things or shows as often: venue words
// ("Center", "Museum", "Airport"), product or trade words ("Energy",
// "Images", "Wire", "Business"), words of teams, fronts and collectives
// ("Club", "Front", "Partners"), and the heads that name shows as often
// as papers ("Report", "Review", "Daily"). The gate's body heads are the
// rest.
const notBodyHeads = `center centre gallery galleries museum observatory airport railway railways clinic mosque
exchange desk images photos motors systems technologies labs laboratories capital trust studios records pictures
entertainment communications energy petroleum oil business wire media radio television tv channel broadcasting
networks companies industries institution club team front brigade brigades partners regime commonwealth
guardian insider review daily weekly report reports standard observer monitor digest bulletin newsletter`

// speechVerbs after a name make it a speaker, a person's or a body's
// ("Dana Ruel said", "the Water Board announced").
const speechVerbs = `said says told tells added adds stated states warned warns urged urges announced announces
reported reports`

// actionVerbs after an organisation's name make it a body that acts
// ("Vell Corp sued", "the court ruled"), with the speech verbs.
const actionVerbs = `sued sues filed files hired hires fired fires owns owned ruled rules voted votes issued issues
confirmed confirms denied denies declined declines agreed agrees released releases`

// orgInnerHeads mark an organisation when they open the name and are
// followed by "of" ("Department of Justice", "University of Dayton").
const orgInnerHeads = `department ministry university college bank council office bureau institute school academy
court house board league federation union organization organisation association committee commission
church order`

// knownOrgs are organisations too well known to need a head word.
const knownOrgs = `nato|npr|cnn|bbc|reuters|associated press|afp|kremlin|pentagon|white house|congress|senate|
islamic state|isis|isil|al-qaeda|al qaeda|hamas|hezbollah|taliban|european union|united nations|un|u.n|
fbi|cia|nsa|epa|irs|nasa|opec|imf|wto|gop|abc|cbs|nbc|msnbc|fox|google|facebook|twitter|apple|amazon|
microsoft|exxon mobil|exxonmobil|wikileaks|politico|bloomberg|interfax|tass|ria novosti|xinhua|al jazeera|
supreme court|state department|justice department|defense department|treasury|scotland yard|interpol|
huffington post|huffpost|new york times|washington post|wall street journal|los angeles times|usa today|
vatican|red cross|greenpeace|amnesty international|human rights watch|doctors without borders|u.s. senate`

// placeAcronyms are all-capital tokens that are places, not organisations.
// Dotted abbreviations of US states and cities ("N.J.", "L.A.") are
// places too; bare postal codes ("SC", "CT") are left out, as they are as
// often the acronyms of terms.
const placeAcronyms = `us u.s usa u.s.a uk u.k uae u.a.e dc d.c ussr drc l.a n.y n.j n.c s.c n.h n.m n.d s.d r.i w.va`

// countryList names the countries, present and former.
const countryList = `afghanistan|albania|algeria|andorra|angola|antigua|argentina|armenia|australia|austria|azerbaijan|
bahamas|bahrain|bangladesh|barbados|belarus|belgium|belize|benin|bhutan|bolivia|bosnia|bosnia and herzegovina|
botswana|brazil|brunei|bulgaria|burkina faso|burundi|cambodia|cameroon|canada|cape verde|central african republic|
chad|chile|china|colombia|comoros|congo|costa rica|croatia|cuba|cyprus|czech republic|czechia|denmark|djibouti|
dominica|dominican republic|east timor|ecuador|egypt|el salvador|equatorial guinea|eritrea|estonia|eswatini|
ethiopia|fiji|finland|france|gabon|gambia|georgia|germany|ghana|greece|grenada|guatemala|guinea|guinea-bissau|
guyana|haiti|honduras|hungary|iceland|india|indonesia|iran|iraq|ireland|israel|italy|ivory coast|jamaica|japan|
jordan|kazakhstan|kenya|kiribati|kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|lesotho|liberia|libya|
liechtenstein|lithuania|luxembourg|madagascar|malawi|malaysia|maldives|mali|malta|marshall islands|mauritania|
mauritius|mexico|micronesia|moldova|monaco|mongolia|montenegro|morocco|mozambique|myanmar|burma|namibia|nauru|
nepal|netherlands|holland|new zealand|nicaragua|niger|nigeria|north korea|north macedonia|macedonia|norway|oman|
pakistan|palau|palestine|panama|papua new guinea|paraguay|peru|philippines|poland|portugal|qatar|romania|russia|
rwanda|samoa|san marino|saudi arabia|senegal|serbia|seychelles|sierra leone|singapore|slovakia|slovenia|
solomon islands|somalia|south africa|south korea|korea|south sudan|spain|sri lanka|sudan|suriname|sweden|
switzerland|syria|taiwan|tajikistan|tanzania|thailand|togo|tonga|trinidad|tunisia|turkey|turkmenistan|tuvalu|
uganda|ukraine|united arab emirates|united kingdom|britain|great britain|england|scotland|wales|northern ireland|
united states|america|united states of america|uruguay|uzbekistan|vanuatu|venezuela|vietnam|yemen|zambia|
zimbabwe|yugoslavia|soviet union|czechoslovakia`

// areaList names countries, US states and regions: places that hold
// towns, so that "in Norbury" and "in Ohio" may be one place.
const areaList = countryList + `|greenland|puerto rico|guam|hong kong|macau|tibet|crimea|
chechnya|kurdistan|gaza|gaza strip|west bank|golan heights|kashmir|donbass|donbas|catalonia|
alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|hawaii|idaho|illinois|indiana|
iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|
nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma|oregon|
pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|
west virginia|wisconsin|wyoming|district of columbia|washington, d.c|
europe|asia|africa|north america|south america|latin america|central america|middle east|the middle east|
near east|far east|east asia|southeast asia|south asia|central asia|eastern europe|western europe|
the west|balkans|the balkans|caucasus|scandinavia|the gulf|persian gulf|gulf|arctic|antarctica|
pacific|atlantic|mediterranean|black sea|baltic|red sea|south china sea|caribbean|sahel|sahara|
midwest|new england|the south|appalachia|siberia|kremlin square|red square|
gulf of mexico|strait of hormuz|suez canal|panama canal|west africa|east africa|north africa`

// cityList names capitals, large cities and other towns.
const cityList = `moscow|st. petersburg|saint petersburg|beijing|shanghai|hong kong|tokyo|osaka|seoul|pyongyang|taipei|manila|
hanoi|bangkok|jakarta|kuala lumpur|new delhi|delhi|mumbai|kolkata|karachi|islamabad|lahore|kabul|kandahar|
tehran|baghdad|mosul|basra|damascus|aleppo|idlib|homs|raqqa|beirut|amman|jerusalem|tel aviv|cairo|alexandria|
riyadh|jeddah|mecca|medina|doha|dubai|abu dhabi|muscat|sanaa|aden|ankara|istanbul|tripoli|benghazi|tunis|
algiers|rabat|casablanca|khartoum|addis ababa|nairobi|mogadishu|lagos|abuja|accra|dakar|kinshasa|johannesburg|
cape town|pretoria|harare|luanda|london|manchester|birmingham|liverpool|edinburgh|glasgow|dublin|belfast|paris|
marseille|lyon|berlin|munich|frankfurt|hamburg|bonn|brussels|amsterdam|the hague|rotterdam|luxembourg|geneva|
zurich|bern|vienna|prague|budapest|warsaw|krakow|bucharest|sofia|belgrade|zagreb|sarajevo|athens|rome|milan|
naples|venice|florence|madrid|barcelona|lisbon|stockholm|oslo|copenhagen|helsinki|reykjavik|tallinn|riga|
vilnius|minsk|kiev|kyiv|kharkiv|odessa|donetsk|luhansk|sevastopol|tbilisi|yerevan|baku|astana|tashkent|
ottawa|toronto|montreal|vancouver|mexico city|havana|caracas|bogota|lima|santiago|buenos aires|sao paulo|
rio de janeiro|brasilia|quito|la paz|montevideo|sydney|melbourne|canberra|wellington|auckland|
new york city|los angeles|chicago|houston|phoenix|philadelphia|san antonio|san diego|dallas|san jose|austin|
jacksonville|san francisco|columbus|fort worth|indianapolis|charlotte|seattle|denver|boston|el paso|detroit|
nashville|memphis|portland|oklahoma city|las vegas|louisville|baltimore|milwaukee|albuquerque|tucson|fresno|
sacramento|kansas city|atlanta|miami|raleigh|omaha|minneapolis|cleveland|tulsa|new orleans|tampa|pittsburgh|
cincinnati|st. louis|orlando|buffalo|newark|honolulu|anchorage|salt lake city|richmond|albany|hartford|
providence|tallahassee|dayton|charleston|annapolis|trenton|harrisburg|springfield|boise|
des moines|madison|lansing|columbus|montgomery|jackson|little rock|baton rouge|santa fe|cheyenne|helena|
pierre|bismarck|topeka|lincoln|carson city|juneau|olympia|salem|sacramento|concord|montpelier|augusta|
dover|frankfort|nashville|columbia|ferguson|brooklyn|manhattan|queens|bronx|staten island|silicon valley|
wall street|capitol hill|hollywood|guantanamo|guantanamo bay|
fallujah|ramadi|kirkuk|erbil|kobani|deir ez-zor|palmyra`

// placeList is a gazetteer of countries, US states, capitals, large cities
// and regions.
const placeList = areaList + "|" + cityList

// firstNamesExtra adds given names the generated lists (English-speaking
// countries) lack, many from world politics, each with its gender; it also
// gives the usual gender of common names both generated lists carry
// ("bill", "hillary").
const firstNamesExtra = `donald:m sergey:m sergei:m dmitry:m dmitri:m yevgeny:m yevgeni:m evgeny:m ilya:m bashar:m
barack:m mitt:m xi:m hassan:m hosni:m recep:m tayyip:m benjamin:m emmanuel:m angela:f theresa:f
boris:m vladimir:m mikhail:m nikolai:m alexei:m alexey:m andrei:m andrey:m viktor:m petro:m volodymyr:m
yulia:f yuri:m igor:m oleg:m maxim:m anatoly:m ivan:m pavel:m gennady:m ramzan:m kim:u jong:m
shinzo:m narendra:m imran:m nawaz:m ashraf:m hamid:m abdul:m abdullah:m mohammad:m mohammed:m muhammad:m
mahmoud:m ahmed:m ahmad:m ali:m omar:m khalid:m salman:m hamad:m tamim:m mohamed:m abdel:m fattah:m
hussein:m saddam:m moammar:m muammar:m nouri:m haider:m ayman:m osama:m abu:m ismail:m hassan:m
nicolas:m hugo:m evo:m luiz:m inacio:m dilma:f jair:m cristina:f mauricio:m enrique:m andres:m manuel:m
jose:m juan:m carlos:m luis:m felipe:m pedro:m raul:m fidel:m javier:m santiago:m francisco:m
jacinda:f justin:m stephen:m jean-claude:m jean:m pierre:m francois:m marine:f nicolas:m jacques:m
gerhard:m helmut:m olaf:m frank-walter:m wolfgang:m jens:m mark:m matteo:m giuseppe:m silvio:m
mariano:m pedro:m recep:m ahmet:m mevlut:m binali:m bibi:m naftali:m yair:m ehud:m ariel:m shimon:m
yitzhak:m avigdor:m mahmud:m yasser:m ismail:m khaled:m rex:m mike:m hillary:f bernie:m nancy:f
chuck:m mitch:m kellyanne:f reince:m newt:m marco:m ted:m jeb:m rand:m elizabeth:f kamala:f
rudy:m jared:m ivanka:f melania:f hope:f sean:m steve:m kirstjen:f betsy:f rod:m jeff:m
ben:m beto:m cory:m amy:f tulsi:f pete:m joe:m jill:f hunter:m dick:m condoleezza:f colin:m madeleine:f
hamid:m ashraf:m kofi:m ban:m antonio:m ki-moon:m tedros:m christine:f mario:m jerome:m janet:f
lucian:m camila:f maria:f dmitriy:m yevgeniy:m sergiy:m aleksandr:m alexander:m alexandr:m vitaly:m
vitali:m svetlana:f olga:f natalia:f natalya:f tatiana:f tatyana:f irina:f elena:f yelena:f anna:f
galina:f lyudmila:f marina:f ekaterina:f yekaterina:f valentina:f xi:m li:u wang:u zhang:u liu:u hu:m
wen:m jiang:m deng:m mao:m chiang:m lee:u park:u kim:u moon:u shinzo:m fumio:m yoshihide:m junichiro:m
adrian:m alex:m andy:m barry:m bert:m bill:m billy:m blake:m bobby:m brett:m chad:m chris:m christian:m cody:m
corey:m dale:m danny:m darryl:m daryl:m eddie:m frank:m fred:m freddie:m gene:m george:m gerry:m glen:m
glenn:m gus:m heath:m ira:m jerry:m jesse:m joey:m kyle:m max:m mel:m noel:m perry:m phil:m quentin:m randy:m
ray:m reggie:m ricky:m rory:m sam:m sean:m shane:m shaun:m shawn:m ted:m teddy:m terry:m tim:m tommy:m tony:m
van:m vin:m willie:m abby:f addie:f allie:f andrea:f angie:f ashley:f aubrey:f brooke:f carly:f cassie:f
claire:f clare:f connie:f courtney:f erin:f evelyn:f gail:f gayle:f grace:f hazel:f hilary:f hillary:f holly:f
jackie:f jan:f jodi:f julie:f kelly:f lauren:f leslie:f lindsay:f lindsey:u lynn:f mallory:f meredith:f
michele:f nicola:f nikki:f paige:f patsy:f penny:f ruby:f shannon:f shelley:f simone:f stacy:f tammy:f tracy:f
whitney:f benazir:f huma:f megyn:f omarosa:f oprah:f yingluck:f ludmila:f beyonce:f condi:f walter:m
sheldon:m rush:m`

// placeHeads mark a place when they end a name ("Henrico County", "Green
// Bay", "George Washington Bridge").
const placeHeads = `county city province state region district township village borough parish
river lake bay island islands mountain mountains valley beach park street avenue square bridge
heights strait sea ocean desert peninsula canyon coast plaza boulevard road highway hills`

// notAcronyms are capitalised abbreviations that name nothing.
const notAcronyms = `tv ok dna gdp hiv aids id phd ceo cfo coo am pm vip faq usd mph gps pc ai suv atm nyse`

// placeFirst mark a place when they open a name ("Fort Myers", "San
// Bernardino", "Lake Tahoe").
const placeFirst = `fort ft mount mt port lake cape san santa los las sao st saint ste
camp glen isle`

// nonNames are words that make a capitalised run a law, event or work
// rather than a name when they end it ("Dream Act", "Whittington Lecture").
const nonNames = `act bill law laws treaty accord accords agreement amendment doctrine plan program programme
initiative lecture lectures award awards prize cup games olympics tour festival series show war crisis
scandal day week month year era age conference summit`

// thingHeads end names of things that are never people, even after a
// first name ("Amber Alert", "Rocky Mountain Spotted Fever").
const thingHeads = `alert alerts fever syndrome disease virus sheet sheets`

// nonNamesFirst do so when they open it ("Hurricane Sandy").
const nonNamesFirst = `hurricane storm typhoon cyclone tropical operation`

// nicknames maps common English nicknames that do not open their formal
// name to it ("Chuck Dunmore" and "Charles Dunmore" are one person; "Chris"
// and "Christopher" are matched as prefixes). Only unambiguous pairs are
// listed: "Ted" (Edward or Theodore), "Pat" (Patrick or Patricia) and the
// like are left out.
var nicknames = map[string]string{
	"bill": "william", "billy": "william", "willie": "william",
	"bob": "robert", "bobby": "robert", "rob": "robert", "robbie": "robert",
	"dick": "richard", "rick": "richard", "ricky": "richard", "rich": "richard", "richie": "richard",
	"chuck": "charles", "charlie": "charles",
	"jim": "james", "jimmy": "james",
	"mike": "michael", "mick": "michael", "mickey": "michael",
	"joe": "joseph", "joey": "joseph",
	"tom": "thomas", "tommy": "thomas",
	"jack": "john", "johnny": "john",
	"hank": "henry", "larry": "lawrence", "jerry": "gerald", "ned": "edward", "eddie": "edward",
	"peggy": "margaret", "maggie": "margaret", "meg": "margaret",
	"betty": "elizabeth", "beth": "elizabeth", "liz": "elizabeth", "betsy": "elizabeth",
	"kathy": "katherine", "katie": "katherine", "sally": "sarah", "patty": "patricia", "polly": "mary",
	"sue": "susan", "susie": "susan", "jenny": "jennifer",
	"dave": "david", "steve": "stephen", "andy": "andrew", "tony": "anthony", "nick": "nicholas",
	"pete": "peter", "ben": "benjamin", "fred": "frederick", "jeff": "jeffrey", "greg": "gregory",
	"matt": "matthew", "ron": "ronald", "don": "donald", "ken": "kenneth", "tim": "timothy",
	"dan": "daniel", "danny": "daniel",
}
