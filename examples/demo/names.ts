// Names of organisations for the demonstration log: public bodies modelled on Portugal's, and
// invented businesses, universities and associations. Never people's names.
export const municipalities = [
  "Lisboa", "Porto", "Braga", "Coimbra", "Aveiro", "Faro", "Évora", "Viseu", "Leiria", "Setúbal", "Guimarães", "Funchal",
  "Ponta Delgada", "Almada", "Amadora", "Sintra", "Cascais", "Oeiras", "Loures", "Odivelas", "Matosinhos", "Maia",
  "Vila Nova de Gaia", "Gondomar", "Valongo", "Barcelos", "Famalicão", "Santo Tirso", "Póvoa de Varzim", "Vila do Conde",
  "Viana do Castelo", "Bragança", "Vila Real", "Chaves", "Guarda", "Covilhã", "Castelo Branco", "Fundão", "Santarém",
  "Tomar", "Torres Novas", "Abrantes", "Portalegre", "Elvas", "Beja", "Sines", "Lagos", "Portimão", "Loulé", "Tavira",
  "Olhão", "Albufeira", "Caldas da Rainha", "Peniche", "Torres Vedras", "Mafra", "Alcobaça", "Nazaré", "Figueira da Foz",
  "Cantanhede", "Águeda", "Ílhavo", "Ovar", "Espinho", "Santa Maria da Feira", "Oliveira de Azeméis", "Lamego", "Mirandela",
  "Montijo", "Barreiro", "Seixal", "Palmela", "Moita", "Sesimbra", "Alcácer do Sal", "Grândola", "Odemira", "Silves",
  "Angra do Heroísmo", "Horta", "Câmara de Lobos", "Machico", "Santa Cruz", "Ribeira Grande",
];

export const nationalBodies = [
  "Agency for Administrative Modernisation", "Institute of Social Security", "Tax and Customs Authority", "Institute of Registries and Notary",
  "Directorate-General for Health", "Shared Services of the Ministry of Health", "Directorate-General for Justice Policy",
  "Institute for Financial Management of Justice", "Directorate-General for Education", "Directorate-General for School Establishments",
  "Employment and Vocational Training Institute", "Portuguese Environment Agency", "Institute for Nature Conservation and Forests",
  "Mobility and Transport Institute", "Directorate-General for Local Authorities", "Directorate-General for Budget",
  "Treasury and Public Debt Agency", "Directorate-General for Consumers", "Directorate-General for Cultural Heritage",
  "Directorate-General for Agriculture", "National Statistics Institute", "Portuguese Data Protection Authority",
  "Directorate-General for Administration and Public Employment", "National Institute for Rehabilitation", "Housing and Urban Rehabilitation Institute",
  "Directorate-General for Reintegration and Prison Services", "National Civil Protection Authority", "Directorate-General for Higher Education",
  "Foundation for Science and Technology", "Tourism Agency", "Directorate-General for Economic Activities", "Competition Authority",
  "Directorate-General for Territory", "Water and Waste Services Regulator", "Institute of Public Procurement", "Court of Auditors Support Services",
  "Directorate-General for Maritime Policy", "Directorate-General for Energy and Geology", "National Health Service Central Administration",
  "Directorate-General for Social Security", "Institute for Youth and Sport", "Directorate-General for Arts", "Camões Institute",
  "High Commission for Migration", "Commission for Citizenship and Gender Equality", "National Road Safety Authority",
  "Directorate-General for Veterinary Services", "Food and Economic Safety Authority", "Institute for Agricultural Funding",
  "Directorate-General for the Qualification of Workers in Public Functions", "Public Employment Service for the Islands",
  "Directorate-General for Statistics of Education", "Directorate-General for Treasury Services", "Legal Aid Service",
  "Directorate-General for the Administration of Justice", "Institute of Forensic Medicine", "Directorate-General for Insurance Supervision",
  "Directorate-General for Fisheries", "National Laboratory for Civil Engineering", "Directorate-General for Digital Services",
];

export const regions = ["North", "Centre", "Lisbon and Tagus Valley", "Alentejo", "Algarve", "Azores", "Madeira"];
export const regionalBodies = ["Regional Health Administration", "Regional Development Coordination Commission", "Regional Directorate for Agriculture", "Regional Employment Office"];

export const businessWords = ["Digital", "Data", "Civic", "Smart", "Cloud", "Open", "Service", "Design", "Mobility", "Health", "Green", "Learning", "Legal", "Fin", "Geo", "Signal"];
export const businessSuffixes = ["Labs", "Solutions", "Systems", "Works", "Studio", "Analytics", "Tech", "Consulting"];
export const academia = [
  "University of Lisbon", "University of Porto", "University of Coimbra", "University of Minho", "University of Aveiro", "NOVA University Lisbon",
  "University of Évora", "University of the Algarve", "University of Beira Interior", "University of Trás-os-Montes and Alto Douro",
  "Polytechnic of Leiria", "Polytechnic of Porto", "Polytechnic of Lisbon", "Polytechnic of Bragança", "Polytechnic of Viseu", "ISCTE",
  "Catholic University", "University of the Azores", "University of Madeira", "Polytechnic of Setúbal", "Polytechnic of Coimbra",
  "Polytechnic of Cávado and Ave", "Polytechnic of Viana do Castelo", "Polytechnic of Santarém", "Polytechnic of Tomar",
  "Institute of Social Sciences", "INESC TEC", "Champalimaud Foundation", "Institute of Public Health", "Centre for Social Studies",
  "Design Research Centre", "Institute of Systems and Robotics", "Centre for Public Administration Studies", "Instituto Superior Técnico",
  "School of Economics and Management", "Faculty of Law Research Centre", "Institute of Geography", "Centre for Urban Studies",
  "Health Services Research Unit", "Behavioural Insights Research Group",
];
export const civilSocietyKinds = ["Association", "Foundation", "Cooperative", "Network", "Federation"];
export const civilSocietyTopics = [
  "Senior Citizens", "Persons with Disabilities", "Migrants", "Young Entrepreneurs", "Consumers", "Parents", "Local Development",
  "Digital Inclusion", "Patients", "Rural Communities", "Volunteers", "Food Banks", "Cyclists", "Neighbours", "Carers",
];

export const challengeTopics: readonly [string, string][] = [
  ["Renew the citizen card without a visit", "digital_services"],
  ["One place to report a change of address", "digital_services"],
  ["Book primary-care appointments by text message", "health"],
  ["Fewer missed hospital appointments", "health"],
  ["Electronic prescriptions people understand", "health"],
  ["Plain-language court notifications", "justice"],
  ["Online small-claims mediation", "justice"],
  ["Registering a company in one afternoon", "justice"],
  ["Simpler income tax for pensioners", "finance"],
  ["Automatic tax deductions for families", "finance"],
  ["Faster refunds for small businesses", "finance"],
  ["Social benefits without the paperwork", "social_security"],
  ["Proactive support when a child is born", "social_security"],
  ["Disability allowance in one step", "social_security"],
  ["School enrolment without queues", "education"],
  ["Helping schools share transport", "education"],
  ["Adult learning certificates online", "education"],
  ["Reporting illegal dumping from a phone", "environment"],
  ["Water-saving nudges on bills", "environment"],
  ["Forest fire prevention with landowners", "environment"],
  ["Job seekers matched to training", "employment"],
  ["Seasonal work contracts made simple", "employment"],
  ["Unemployment benefit claims in one visit", "employment"],
  ["Citizen shops in rural parishes", "local_government"],
  ["Municipal licences on one form", "local_government"],
  ["Participatory budgets people trust", "local_government"],
  ["Accessible public transport information", "mobility"],
  ["Driving licence renewal at the pharmacy", "mobility"],
  ["Museum tickets for families", "culture"],
  ["Farm subsidies without intermediaries", "agriculture"],
  ["A single inbox for official letters", "digital_services"],
  ["Energy support for vulnerable households", "social_security"],
  ["Migrants' residence permits online", "other"],
  ["Lost documents reported once", "digital_services"],
  ["Hospital discharge that reaches the family doctor", "health"],
  ["Prison visits booked online", "justice"],
];
