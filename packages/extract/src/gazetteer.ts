// A small general gazetteer: countries and regions, well-known news outlets, and the words that
// mark organisations. General knowledge, not any article's names.

const set = (s: string) =>
  new Set(
    s
      .split('|')
      .map((x) => x.trim())
      .filter(Boolean),
  );

export const PLACES =
  set(`Afghanistan|Albania|Algeria|Argentina|Armenia|Australia|Austria|Azerbaijan|
Bahrain|Bangladesh|Belarus|Belgium|Bolivia|Bosnia|Brazil|Britain|Bulgaria|Burma|Cambodia|Cameroon|Canada|
Chad|Chile|China|Colombia|Congo|Croatia|Cuba|Cyprus|Czech Republic|Denmark|Egypt|England|Eritrea|Estonia|
Ethiopia|Europe|Finland|France|Georgia|Germany|Ghana|Greece|Guatemala|Haiti|Honduras|Hungary|Iceland|India|
Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Korea|North Korea|South Korea|
Kosovo|Kuwait|Laos|Latvia|Lebanon|Libya|Lithuania|Mali|Mexico|Moldova|Morocco|Mozambique|Nepal|Netherlands|
New Zealand|Nicaragua|Niger|Nigeria|Norway|Oman|Pakistan|Palestine|Panama|Peru|Philippines|Poland|Portugal|
Qatar|Romania|Russia|Rwanda|Saudi Arabia|Scotland|Senegal|Serbia|Singapore|Slovakia|Somalia|South Africa|
Spain|Sri Lanka|Sudan|South Sudan|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Tunisia|
Turkey|Turkmenistan|Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|U.K.|United States|US|U.S.|
USA|America|Uruguay|Uzbekistan|Venezuela|Vietnam|Wales|Yemen|Zambia|Zimbabwe|Middle East|Africa|Asia|
Latin America|Gulf|Balkans|Caucasus|Sahel|Gaza|West Bank|Kurdistan|Crimea|Chechnya|Alabama|Alaska|
Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|
Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|
Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|
Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|
Washington|West Virginia|Wisconsin|Wyoming|London|Paris|Berlin|Moscow|Beijing|Tokyo|Baghdad|Damascus|
Kabul|Tehran|Cairo|Jerusalem|Beirut|Riyadh|Istanbul|Ankara|Brussels|Rome|Madrid|Washington, D.C.|
Chicago|Los Angeles|Boston|Philadelphia|Miami|Houston|Dallas|Atlanta|Detroit|Seattle|San Francisco|
Mosul|Aleppo|Raqqa|Idlib|Homs|Tripoli|Benghazi|Sanaa|Aden|Islamabad|Karachi|Delhi|New Delhi|Mumbai`);

/** Outlets: publications, agencies and broadcasters known by name, with their common short forms. */
export const OUTLETS: [name: string, ...aliases: string[]][] = [
  ['Associated Press', 'AP'],
  ['Reuters'],
  ['Agence France-Presse', 'AFP'],
  ['CNN'],
  ['MSNBC'],
  ['Fox News'],
  ['NBC News', 'NBC'],
  ['CBS News', 'CBS'],
  ['ABC News', 'ABC'],
  ['NPR'],
  ['BBC'],
  ['Al Jazeera'],
  ['The New York Times', 'New York Times', 'the Times'],
  ['The Washington Post', 'Washington Post'],
  ['The Wall Street Journal', 'Wall Street Journal', 'WSJ'],
  ['USA Today'],
  ['Los Angeles Times', 'LA Times'],
  ['The Guardian', 'Guardian'],
  ['Politico'],
  ['The Hill'],
  ['Bloomberg'],
  ['Breitbart News', 'Breitbart'],
  ['VICE News', 'Vice News'],
  ['The Atlantic'],
  ['The New Yorker'],
  ['Newsweek'],
  ['Time magazine'],
  ['The Economist'],
  ['Financial Times'],
  ['BuzzFeed News', 'BuzzFeed'],
  ['HuffPost', 'Huffington Post'],
  ['Axios'],
  ['Vox'],
  ['Slate'],
  ['Daily Mail'],
  ['New York Post'],
  ['CNBC'],
  ['C-SPAN'],
  ['PBS'],
  ['Twitter'],
];

/** The last word of many outlet names. */
export const OUTLET_WORDS =
  set(`News|Times|Post|Journal|Tribune|Herald|Gazette|Magazine|Radio|Press|Daily|
Observer|Chronicle|Telegraph|Review|Network|Television|TV|Wire|Examiner|Globe|Sun|Star|Inquirer|Register|
Courier|Dispatch|Bulletin|Standard|Mirror|Express|Independent|Monitor|Sentinel|Ledger|Courant|Record|
Beacon|Enquirer|Tribune|Gazette|Journal|Today|Weekly|Digest|Report|Broadcasting|Media`);

/** Words inside many organisation names. */
export const ORGANIZATION_WORDS =
  set(`Party|Committee|Institute|University|College|Department|Ministry|
Council|Agency|Front|State|Army|Group|Association|Foundation|Center|Centre|Project|Campaign|Corporation|
Corp|Inc|Company|Bank|Court|Senate|Congress|House|Commission|Office|Bureau|Service|Services|Board|Union|
League|Brigade|Brigades|Movement|Organization|Organisation|Coalition|Alliance|Forces|Force|Guard|Police|
School|Academy|Society|Fund|Trust|Federation|Administration|Authority|Caucus|Club|Network|Program|
Programme|Initiative|Watch|Studies|Council|Church|Hospital|NATO|UN|EU|FBI|CIA|NSA|
Pentagon|Kremlin|GOP|Democrats|Republicans|Nations|Navy|Marines|Legion|Lab|Laboratory|Partners|Holdings`);

/** Titles before a person's name. */
export const PERSON_TITLES =
  set(`Mr.|Mrs.|Ms.|Dr.|Prof.|Sen.|Rep.|Gov.|Gen.|Lt.|Col.|Capt.|Sgt.|Rev.|
President|Senator|Governor|Minister|Secretary|Judge|Justice|Mayor|General|Sheikh|King|Queen|Prince|Pope|
Chancellor|Ambassador|Commissioner|Chairman|Director|Professor|Congressman|Congresswoman|Speaker|
Councilman|Councilwoman|Councillor|Councilor|Assemblyman|Assemblywoman|Delegate|Premier|Rabbi|Imam|
Bishop|Cardinal|Sister|Brother|Father|Officer|Detective|Sheriff|Lord|Lady|Sir|Dame|Emir|Mullah`);

/** Lowercase particles inside names ("al-", "bin", "van", "de"). */
export const NAME_PARTICLES = set(
  `al|el|bin|ibn|abu|bint|de|del|della|der|van|von|da|di|du|le|la|dos|das|ul|ad|as|ash|at|az`,
);

/** First words that start a sentence but name nobody. */
export const NOT_NAMES =
  set(`The|A|An|This|That|These|Those|It|He|She|They|We|I|You|But|And|Or|So|If|
When|While|As|In|On|At|For|With|From|By|After|Before|Since|Although|Though|Because|However|Meanwhile|Yet|
Still|Also|Now|Then|There|Here|What|Who|Why|How|Where|Which|Some|Many|Most|Several|Few|Other|Others|Such|
Mr|Mrs|Ms|Dr|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|
June|July|August|September|October|November|December|His|Her|Their|Its|Our|My|Your|One|Two|Three|Last|
Next|Every|Each|Both|All|No|Not|Read|Photo|Follow|Click|Related|Watch|Today|Yesterday|Tomorrow|According|
Even|Just|Only|Despite|During|Until|Unless|Whether|Instead|Over|Under|Into|Out|Up|Down|Latest|Earlier|
Later|Let|Don't|Maybe|Perhaps|Indeed|Meanwhile|Instead|Moreover|Nonetheless|Nevertheless|Also|Still|Now|Then|Yet|It's|That's|There's|Yes|Why|Will|Would|Could|Should|Can|Must|Do|Does|Did|Is|Are|Was|Were`);

/**
 * Well-known organisations whose names do not say they are one ("al Qaeda", "Hamas", "Google"):
 * international bodies, militant groups, parties and companies that news writes about often.
 */
export const ORGANIZATIONS =
  set(`United Nations|European Union|African Union|Arab League|World Bank|
International Monetary Fund|IMF|World Health Organization|WHO|World Trade Organization|WTO|OPEC|NATO|
Interpol|Europol|Red Cross|Red Crescent|Amnesty International|Human Rights Watch|Greenpeace|Oxfam|
Doctors Without Borders|FIFA|al Qaeda|al-Qaeda|Al Qaeda|Al-Qaeda|Taliban|Hamas|Hezbollah|Hizbollah|
Boko Haram|al-Shabab|al-Shabaab|Al-Shabaab|Islamic State|ISIS|ISIL|Daesh|Muslim Brotherhood|
Islamic Jihad|Fatah|PKK|YPG|Kataib Hezbollah|Houthis|Lashkar-e-Taiba|Jaish-e-Mohammed|Haqqani Network|
IRA|ETA|FARC|Ku Klux Klan|KKK|Pentagon|White House|Kremlin|Downing Street|Elysee|Congress|Senate|
Parliament|Knesset|Duma|Bundestag|Supreme Court|Federal Reserve|Scotland Yard|Mossad|
Google|Apple|Microsoft|Amazon|Facebook|Meta|Tesla|Twitter|Boeing|Airbus|Exxon|ExxonMobil|Chevron|
Walmart|Goldman Sachs|JPMorgan|Citigroup|Pfizer|Moderna|Gazprom|Huawei|Samsung|Toyota|Volkswagen|Uber|
Netflix|Disney|Nike|Starbucks|McDonald's|Coca-Cola|PepsiCo|Intel|IBM|Oracle|OpenAI|SpaceX|Aramco`);

/**
 * Nationality adjectives with the place they name: "Syrian and Iraqi militant groups" speaks of
 * Syria and Iraq (the plural nouns, "Syrians", are the peoples, kept apart).
 */
export const DEMONYM_PLACES = new Map<string, string>([
  ['Syrian', 'Syria'],
  ['Iraqi', 'Iraq'],
  ['Iranian', 'Iran'],
  ['Afghan', 'Afghanistan'],
  ['American', 'United States'],
  ['Russian', 'Russia'],
  ['British', 'Britain'],
  ['French', 'France'],
  ['German', 'Germany'],
  ['Italian', 'Italy'],
  ['Spanish', 'Spain'],
  ['Chinese', 'China'],
  ['Japanese', 'Japan'],
  ['Indian', 'India'],
  ['European', 'Europe'],
  ['Israeli', 'Israel'],
  ['Turkish', 'Turkey'],
  ['Saudi', 'Saudi Arabia'],
  ['Yemeni', 'Yemen'],
  ['Libyan', 'Libya'],
  ['Egyptian', 'Egypt'],
  ['Pakistani', 'Pakistan'],
  ['Mexican', 'Mexico'],
  ['Canadian', 'Canada'],
  ['Ukrainian', 'Ukraine'],
  ['Nigerian', 'Nigeria'],
  ['Jordanian', 'Jordan'],
  ['Lebanese', 'Lebanon'],
  ['Qatari', 'Qatar'],
  ['Western', 'the West'],
]);

/** Hyphenated modifiers whose first part is a name: "Iraq-based", "US-led", "al Qaeda-backed". */
export const NAME_COMPOUND_SUFFIX =
  /^(?:based|led|backed|born|linked|allied|affiliated|funded|run|owned|controlled|inspired|sponsored|aligned|dominated|held|made|brokered|supported|bound)$/;
