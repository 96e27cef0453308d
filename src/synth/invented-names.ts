import type { Random } from "../random.js";
import type { Sector } from "./link-worker-codebook.js";

/**
 * Invented names for synthetic alters: first names only for people (never surnames), and organisation
 * names made of an invented place and a service, so no real person or organisation is named.
 */

const FIRST_NAMES = [
  "Aaliyah", "Abdul", "Abigail", "Ada", "Adam", "Aditi", "Agnes", "Ahmed", "Aidan", "Aisha", "Alan", "Alex",
  "Alfie", "Alice", "Alina", "Amara", "Amber", "Amelia", "Amir", "Amy", "Ana", "Andrew", "Angela", "Anika",
  "Anna", "Anthony", "Arjun", "Arthur", "Asha", "Ayesha", "Barbara", "Beatrice", "Ben", "Beth", "Bilal",
  "Bronwen", "Callum", "Carla", "Caroline", "Carys", "Catherine", "Charlie", "Chloe", "Chris", "Ciara",
  "Claire", "Connor", "Craig", "Dan", "Daniel", "Darren", "David", "Dawn", "Deborah", "Declan", "Deepa",
  "Denise", "Dev", "Diane", "Dylan", "Eddie", "Eilidh", "Eleanor", "Elena", "Eliza", "Ella", "Ellie",
  "Emeka", "Emily", "Emma", "Eric", "Erin", "Esther", "Ethan", "Eve", "Fatima", "Faye", "Finn", "Fiona",
  "Florence", "Frances", "Freya", "Gareth", "Gemma", "George", "Georgia", "Grace", "Graham", "Hannah",
  "Harriet", "Harry", "Hassan", "Hayley", "Heather", "Helen", "Holly", "Ibrahim", "Imran", "Ines", "Iqra",
  "Isaac", "Isla", "Ivy", "Jack", "Jade", "James", "Jamal", "Jane", "Jasmine", "Jason", "Jay", "Jenny",
  "Jessica", "Joanne", "Joe", "John", "Jordan", "Joseph", "Josh", "Joy", "Julia", "Karen", "Kate", "Keisha",
  "Kemi", "Kevin", "Khadija", "Kieran", "Kirsty", "Laura", "Layla", "Leah", "Leon", "Liam", "Lily",
  "Linda", "Lisa", "Lola", "Louise", "Lucy", "Luke", "Maisie", "Malik", "Maria", "Mark", "Martha", "Mary",
  "Matt", "Maya", "Megan", "Mei", "Michelle", "Mina", "Mohammed", "Molly", "Nadia", "Naomi", "Natalie",
  "Nathan", "Neil", "Niamh", "Nick", "Nicola", "Nina", "Noah", "Olivia", "Omar", "Oscar", "Owen", "Paige",
  "Patrick", "Paul", "Pauline", "Peter", "Phoebe", "Priya", "Rachel", "Rafael", "Rahul", "Rania", "Rebecca",
  "Rhys", "Richard", "Rob", "Rosa", "Rose", "Ruby", "Ruth", "Ryan", "Saad", "Sadia", "Sally", "Sam",
  "Samira", "Sandra", "Sara", "Scott", "Sean", "Shanice", "Sian", "Simon", "Sofia", "Sophie", "Stacey",
  "Stephen", "Steve", "Sunita", "Susan", "Tariq", "Tasha", "Theo", "Thomas", "Tina", "Toby", "Tom", "Tracy",
  "Usman", "Valerie", "Vicky", "Wendy", "Will", "Yasmin", "Yusuf", "Zainab", "Zara", "Zoe",
];

const PLACES = [
  "Ashbrook", "Bramley Vale", "Brookfield", "Carrow", "Eastmere", "Elmstead", "Fernhill", "Greyford",
  "Hallow Green", "Hawthorn", "Kestrel Park", "Larchmont", "Millbrook", "Northgate", "Oakridge", "Pennyfield",
  "Redcliffe", "Riverside", "Rowan Hill", "Southmoor", "Stonebridge", "Thornbury Heath", "Westlea", "Willowby",
];

const SERVICES: Record<Sector, string[]> = {
  vcs: [
    "Food Bank", "Befriending Service", "Carers Centre", "Community Garden", "Men's Shed", "Walking Group",
    "Advice Centre", "Youth Trust", "Arts Collective", "Bereavement Support", "Community Kitchen", "Refugee Welcome",
  ],
  healthcare: [
    "Medical Practice", "Surgery", "Community Mental Health Team", "Physiotherapy Service", "Diabetes Clinic",
    "Community Nursing Team", "Pharmacy", "Memory Clinic",
  ],
  local_authority: [
    "Housing Office", "Adult Social Care", "Council Leisure Services", "Library", "Family Hub", "Welfare Rights Unit",
  ],
  other: ["Job Centre", "Further Education College", "Credit Union", "Fire and Rescue Safe and Well", "Police Community Team"],
};

/** `count` distinct first names in random order; past the list's length, names repeat with a number. */
export function inventPersonNames(count: number, rng: Random): string[] {
  const names: string[] = [];
  for (let round = 1; names.length < count; round++) {
    const batch = rng.shuffle([...FIRST_NAMES]).slice(0, count - names.length);
    names.push(...(round === 1 ? batch : batch.map((n) => `${n} ${round}`)));
  }
  return names;
}

/** Distinct organisation names, one per given sector, in the same order. */
export function inventOrganisationNames(sectors: readonly Sector[], rng: Random): string[] {
  const used = new Set<string>();
  return sectors.map((sector) => {
    for (let attempt = 0; ; attempt++) {
      const base = `${rng.pick(PLACES)} ${rng.pick(SERVICES[sector])}`;
      const name = attempt < 20 ? base : `${base} ${attempt}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  });
}
