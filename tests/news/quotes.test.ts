import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../src/news/entities.js';
import { findQuotes } from '../../src/news/quotes.js';
import { splitSentences } from '../../src/news/sentences.js';
import { SEED_PATH } from '../support/data.js';

const SEED = SEED_PATH;

function quotesOf(paragraphs: string[]) {
  const { sentences, paragraphOf } = splitSentences(paragraphs);
  return findQuotes({ sentences, paragraphOf, entities: findEntities(sentences) });
}

describe('findQuotes on the seed article', () => {
  const quotes = quotesOf(
    readFileSync(SEED, 'utf8')
      .split('\n')
      .filter((p) => p.trim() !== ''),
  );
  const byText = (text: string) => quotes.find((q) => q.text === text);

  it('attributes "X said" after the quote', () => {
    expect(
      byText('They killed your guest at your house and explicitly confessed to the crime')?.speaker,
    ).toBe('Ali Khamenei');
  });

  it('resolves "he said" to Khamenei', () => {
    expect(
      byText(
        'Of course, the expansion of Iran-Iraq relations has opponents, led by the United States',
      )?.speaker,
    ).toBe('Ali Khamenei');
  });

  it('resolves a partial quote after "the Iraqi PM" to al-Kadhimi', () => {
    const quote = byText('allow any aggression or challenge to Iran');
    expect(quote?.speaker).toBe('Mustafa al-Kadhimi');
    expect(quote?.index).toBe(11);
  });

  it('resolves "the ayatollah" through the description the article gave', () => {
    expect(byText('source of corruption and destruction')?.speaker).toBe('Ali Khamenei');
  });

  it('does not list scare quotes', () => {
    const texts = quotes.map((q) => q.text);
    expect(texts).not.toContain('maximum pressure');
    expect(texts).not.toContain('snapback');
  });
});

describe('findQuotes', () => {
  it('joins a quotation continued across paragraphs', () => {
    const quotes = quotesOf([
      'Jane Smith, the city’s mayor, spoke on Monday.',
      '“We will rebuild every school,” she said. “It will take years, and it will cost a great deal.',
      '“But we owe it to the children of this city.”',
    ]);
    expect(quotes).toEqual([
      { text: 'We will rebuild every school', speaker: 'Jane Smith', index: 1 },
      {
        text: 'It will take years, and it will cost a great deal. But we owe it to the children of this city.',
        speaker: 'Jane Smith',
        index: 2,
      },
    ]);
  });

  it('handles straight quotes, "said X" and "according to X"', () => {
    const quotes = quotesOf([
      '"The talks went well and we expect a deal soon," said Foreign Minister Ahmed Khan.',
      'According to Maria Lopez, "nothing has been agreed yet, whatever anyone says."',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Ahmed Khan', 'Maria Lopez']);
  });

  it('chooses the pronoun’s antecedent by gender', () => {
    const quotes = quotesOf([
      'Senator John Park met Governor Anna Weiss in the capital.',
      '“We agreed on nothing at all today,” she said.',
    ]);
    expect(quotes[0]?.speaker).toBe('Anna Weiss');
  });

  it('knows the gender of common diminutives and foreign given names', () => {
    const quotes = quotesOf([
      'Debbie Lang runs the food bank in town. Brad Okafor visited it on Monday.',
      '“We need more volunteers before winter,” she said.',
      'Giulia Rossi chairs the board. Jürgen Weber joined it last year.',
      '“The accounts are in order,” she said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Debbie Lang', 'Giulia Rossi']);
  });

  it('gives a null speaker when nobody can be named', () => {
    const quotes = quotesOf([
      'A sign on the door read “closed until further notice, sorry for any trouble.”',
    ]);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.speaker).toBeNull();
  });

  it('reads a surname that is also a role word, and attributions closing the sentence', () => {
    const quotes = quotesOf([
      '"People say it matters," said Charlie King, a prominent New York Democrat.',
      '"These groups have been setting the table for voters," in sharp contrast to earlier races, says Dante Scala, a political scientist.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Charlie King', 'Dante Scala']);
  });

  it('takes a name signed after a dash and closes mixed quotation marks', () => {
    const quotes = quotesOf([
      '“He represents our greatest shame and I will vote against him.” ― Sonya Herridge',
      '“But Pete Wilson won in the end," David Axelrod said.',
    ]);
    expect(quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['He represents our greatest shame and I will vote against him.', 'Sonya Herridge'],
      ['But Pete Wilson won in the end', 'David Axelrod'],
    ]);
  });

  it('resolves "he said" to a surname-only speaker, not to a sentence-opening word', () => {
    const quotes = quotesOf([
      'Donald Trump went with the odds.',
      'Cruz openly admitted that his pick was political. “With an eye to February, Carolina,” he said.',
      'Audiences can expect a long night. “It is straight from the heart,” he said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Cruz', 'Cruz']);
  });

  it('keeps the speaker of the quote’s own clause over a later clause’s subject', () => {
    const quotes = quotesOf([
      'Mayor Lena Ortiz vowed to make the budget “balanced within two years,” and Councilman Victor Hale promised to “fight every single cut.”',
      'Victor Hale accuses Lena Ortiz of “spending money the city does not have” and Ortiz says he is “living in the past century.”',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual([
      'Lena Ortiz',
      'Victor Hale',
      'Victor Hale',
      'Lena Ortiz',
    ]);
  });

  it('finds the name behind a description after the verb', () => {
    const quotes = quotesOf([
      '“Nobody expected the turnout we saw,” said election lawyer Maya Brandt.',
      '“It changes every plan we had,” said former Ohio governor Thomas Reeve, a Republican.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Maya Brandt', 'Thomas Reeve']);
  });

  it('takes the teller, not the listener, in "X told Y:"', () => {
    const quotes = quotesOf([
      'Senator Paul Ward met the press. Ward on Tuesday told Channel Nine: “We will not back down on this bill.”',
    ]);
    expect(quotes[0]?.speaker).toBe('Paul Ward');
  });

  it('lets a publication speak in its own name', () => {
    const quotes = quotesOf([
      'The Harbor Gazette newspaper wrote: “The council has failed the people it serves.”',
      'As Rosa Klein put it, “nobody in this town trusts the numbers anymore.”',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Harbor Gazette', 'Rosa Klein']);
  });

  it('tells namesakes apart and ignores sentences that start inside a quote', () => {
    const quotes = quotesOf([
      'Governor Robert Lane spoke first. His daughter, Emily Lane, introduced him at the rally.',
      '“I have seen him fight for this state,” she said.',
      '“Is that what we want? Lane will never back down,” Robert Lane said. “We will win,” he said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Emily Lane', 'Robert Lane', 'Robert Lane']);
  });

  it('does not take an opening number word for a speaker', () => {
    const quotes = quotesOf([
      'Fifteen minutes after the vote, Senator Diane Cole stood on the steps calling it “a great day for the whole state.”',
      'Several hours later, the crowd cheered “four more years, four more years.”',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Diane Cole', 'Diane Cole']);
  });

  it('lets an unnamed source stand for the last named source, not the last person mentioned', () => {
    const quotes = quotesOf([
      '“We will win Iowa,” Governor Mark Ellis said on Monday.',
      'Senator Tom Baker toured a factory in Des Moines on Tuesday.',
      '“The governor is not worried at all,” a senior aide said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Mark Ellis', 'Mark Ellis']);
  });

  it('counts an outlet cited with "according to" as the last named source', () => {
    const quotes = quotesOf([
      'Two passengers were aboard the flight, according to the Daily Ledger.',
      'Dr. Paul Hennig, 61, was flying home to see his grandchildren.',
      '“He was a generous and gentle man,” a senior aide said.',
    ]);
    expect(quotes[0]?.speaker).toBe('Daily Ledger');
  });

  it('counts the subject of a speech participle as the last named source', () => {
    const quotes = quotesOf([
      'Governor Mark Ellis toured the mill on Monday, saying that jobs were at risk.',
      'Senator Tom Baker visited a farm in Ames on Tuesday.',
      '“The plan is dead,” a senior aide said.',
    ]);
    expect(quotes[0]?.speaker).toBe('Mark Ellis');
  });

  it('counts "X is telling reporters" as a named source', () => {
    const quotes = quotesOf([
      'Governor Mark Ellis is telling reporters in Dayton that the budget will pass.',
      'Senator Tom Baker visited a farm in Ames on Tuesday.',
      '“We have the votes,” a senior aide said.',
    ]);
    expect(quotes[0]?.speaker).toBe('Mark Ellis');
  });

  it('counts the subject of "cited" as a named source', () => {
    const quotes = quotesOf([
      'Governor Mark Ellis cited rising costs at every stop on Monday.',
      'Senator Tom Baker visited a farm in Ames on Tuesday.',
      '“Prices are hurting families,” a senior aide said.',
    ]);
    expect(quotes[0]?.speaker).toBe('Mark Ellis');
  });

  it('counts the person whose campaign spoke as a named source', () => {
    const quotes = quotesOf([
      'Governor Mark Ellis’s campaign said on Monday that the ad was false.',
      'Senator Tom Baker visited a farm in Ames on Tuesday.',
      '“The ad is a lie,” a senior aide said.',
    ]);
    expect(quotes[0]?.speaker).toBe('Mark Ellis');
  });

  it('resolves an unnamed role modified by a name to that name', () => {
    const quotes = quotesOf([
      '“We will win this state,” Senator Mary Lowell said on Friday.',
      'Her rival, Tom Baker, campaigned in Toledo. “The numbers are moving our way,” one Baker aide said.',
      '“Nothing has changed since the debate,” a longtime adviser to Baker said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Mary Lowell', 'Tom Baker', 'Tom Baker']);
  });

  it('takes the speaker of a quote from the next sentence that names it', () => {
    const quotes = quotesOf([
      'Mayor Tom Baker opened the session.',
      '“I would rather lose than cheat in this race.” That quote from state auditor Jane Roe appeared on the front page.',
    ]);
    expect(quotes[0]?.speaker).toBe('Jane Roe');
  });

  it('reads a speech word after a possessive or an article as a noun, not a verb', () => {
    const quotes = quotesOf([
      'Mayor Tom Ruiz has not yet responded to Governor Carl Moss’s remarks, although he did post on social media on Sunday. “Our city deserves better than this,” he wrote.',
    ]);
    expect(quotes[0]?.speaker).toBe('Tom Ruiz');
  });

  it('skips a dateline before the sentence subject', () => {
    const quotes = quotesOf([
      'DES MOINES, Iowa, March 3 (AP) — Senator Paul Grant toured three farms on Friday. “They feed the whole country,” he said.',
    ]);
    expect(quotes[0]?.speaker).toBe('Paul Grant');
  });

  it('does not take a name after "the" for a person a pronoun refers to', () => {
    const quotes = quotesOf([
      'Senator Mark Hale spoke after the Fairview attacks, citing his record. “We will keep every family safe,” he said.',
    ]);
    expect(quotes[0]?.speaker).toBe('Mark Hale');
  });

  it('reads "goes on" as speech only before punctuation, and knows "beamed"', () => {
    const quotes = quotesOf([
      'Senator Ruth Diaz said that once the Harlow Club goes on tour, “I intend to visit every county in the state.”',
      '“We won every single precinct!” beamed campaign manager Nora Pike.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Ruth Diaz', 'Nora Pike']);
  });

  it('takes the name a possessive outlet introduces after the verb', () => {
    const quotes = quotesOf([
      '“Debates rarely move the polls this late in a race,” noted NBC’s Dana Reyes.',
    ]);
    expect(quotes[0]?.speaker).toBe('Dana Reyes');
  });

  it('gives a participle the subject of the speech verb it hangs from', () => {
    const quotes = quotesOf([
      'Blake’s “excesses” are shameful, Mayor Jean Roux said on Tuesday, noting that the plan “would bankrupt the city within a decade.”',
    ]);
    expect(quotes[0]?.speaker).toBe('Jean Roux');
  });

  it('attributes opening quotes to the name attributing the paragraph’s next quote', () => {
    const quotes = quotesOf([
      '“It is over for this season.” “We lost the vote by a mile,” Coach Dale Brooks said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Dale Brooks', 'Dale Brooks']);
  });

  it('reads a name after "said" that a finite verb follows as the reported clause’s subject', () => {
    const quotes = quotesOf([
      '“The budget is balanced,” Governor Alan Price said.',
      'Senator Laura Quinn once backed the plan, but now said Price had “every chance to fix the mess.” “I hope he takes it.”',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Alan Price', 'Laura Quinn', 'Laura Quinn']);
  });

  it('takes a name in apposition to a kinship noun as a person and its gender', () => {
    const quotes = quotesOf([
      '“Turnout will be high,” said Paul Reed, a retiree.',
      'His daughter held a sign. Her father, Brad, 41, worried about the roads. “We left at dawn to get here,” he said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Paul Reed', 'Brad']);
  });

  it('reads the apposition past a linking word opening the sentence', () => {
    const quotes = quotesOf([
      '“We will win this state,” Senator Ann Cole said.',
      'But his wife, Rose, took a darker view of the race. “It is far from over,” she said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Ann Cole', 'Rose']);
  });

  it('takes the person a sentence opens with "To X," or "For X," as its view’s holder', () => {
    const quotes = quotesOf([
      '“The deal is dead,” said Mayor Frank Dole.',
      'For historian Carl Webb, Dole is misreading the council. “The votes are still there,” he said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Frank Dole', 'Carl Webb']);
  });

  it('finds the main clause’s subject after an opening phrase that ends in a quote', () => {
    const quotes = quotesOf([
      '“Nobody will pay more,” said Governor Tom Beck.',
      'On “Meet the Press,” Senator Ann Cole saw the bill as “a gift to the banks and nobody else.”',
    ]);
    expect(quotes.at(-1)?.speaker).toBe('Ann Cole');
  });

  it('reaches the name past a party or place and a lower-case description', () => {
    const quotes = quotesOf([
      '“Taxes will fall,” said Governor Tom Beck.',
      'Republican front-runner Carl Webb toured the plant on Friday. “We will bring these jobs back,” he said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Tom Beck', 'Carl Webb']);
  });

  it('passes several opening phrases to reach the sentence subject', () => {
    const quotes = quotesOf([
      '“Taxes will fall,” said Governor Tom Beck.',
      'At a rally in Salem, Oregon, on Friday, Senator Carl Webb toured the plant. “It will never pass,” he said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Tom Beck', 'Carl Webb']);
  });

  it('lets a lone surname with an inner capital be a pronoun’s antecedent', () => {
    const quotes = quotesOf([
      '“Taxes will fall,” said Governor Tom Beck.',
      'Voters were not convinced. McKenna said the plan was reckless. “It will never pass,” he said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Tom Beck', 'McKenna']);
  });

  it('takes the namesake of the pronoun’s gender for a shared surname', () => {
    const quotes = quotesOf([
      'Senator Kate Dole spoke in Iowa on Monday.',
      'Her husband, Governor Mark Dole, spoke in Ohio.',
      '“We need new roads,” said Governor Ann Reyes.',
      'Speaking in Des Moines, Dole, without naming her, attacked the plan. “It will never work,” she said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Ann Reyes', 'Kate Dole']);
  });

  it('passes a focus word between a linking word and the subject', () => {
    const quotes = quotesOf([
      '“Taxes will fall,” said Governor Tom Beck.',
      'And even Senator Carl Webb toured the plant. “It will never pass,” he said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Tom Beck', 'Carl Webb']);
  });

  it('reads a name after an organisation noun and "of" or "on" as part of the organisation', () => {
    const quotes = quotesOf([
      'Mayor Ben Ortiz spoke at the rally. The Council on Public Health announced a review of the clinic. “We will fight this review in court,” he said.',
      'On Monday, the Green Party of Ohio announced that its nominee would skip the debate. “Our candidate has better things to do,” the release said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Ben Ortiz', 'Green Party of Ohio']);
  });

  it('does not take the subject of a "said that" clause for the speaker', () => {
    const quotes = quotesOf([
      'Governor Lena Marsh met the trade minister, who said that Acme has been good for “the workers and the town alike.”',
    ]);
    expect(quotes[0]?.speaker).toBe('Lena Marsh');
  });

  it('does not read a negated auxiliary opening a question as a name', () => {
    const quotes = quotesOf([
      'Lawyer Ian Rhodes expects a ruling soon. Don’t Democrats run the risk of a delay? “The court will decide quickly,” he said.',
    ]);
    expect(quotes[0]?.speaker).toBe('Ian Rhodes');
  });

  it('reads past a role with "of" to the name it describes', () => {
    const quotes = quotesOf([
      'Former US secretary of state Ruth Keller backed the plan, calling it “a serious step forward for the country.”',
    ]);
    expect(quotes[0]?.speaker).toBe('Ruth Keller');
  });

  it('reads a state abbreviation as a place', () => {
    const quotes = quotesOf([
      'Senator Jo Lane spoke last. At a forum in Aspen, Colo., the senator ended by quoting a poem: “Every obstacle yields to stern resolve.”',
    ]);
    expect(quotes[0]?.speaker).toBe('Jo Lane');
  });

  it('reads a sentence-opening plural of a lower-case noun as nobody', () => {
    const quotes = quotesOf([
      'Singer Tom Hale returns to the stage this week, and the audience will hear new songs. Audiences can expect him to play with “a little more recklessness than usual.” “It is straight from the heart,” he said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Tom Hale', 'Tom Hale']);
  });

  it('gives a document’s words to whoever issued it, not to a person mentioned since', () => {
    const quotes = quotesOf([
      'Senator Mark Dunn spoke on Monday. The Harlow campaign sent a fundraising email on Tuesday.',
      '“We need everyone to step up before the primary,” the email read.',
      'Mayor Lena Ortiz met Dunn at the depot. “The depot will stay open all winter,” the statement said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Harlow', 'Harlow']);
  });

  it('gives a quote to the name signing it on the next line after a dash', () => {
    const quotes = quotesOf([
      'Senator Tom Reed toured the county fair on Saturday, where voters talked about the race.',
      '“The lines were long, but nobody I know went home without voting.”',
      '- Nora Vance, Dayton.',
    ]);
    expect(quotes[0]?.speaker).toBe('Nora Vance');
  });

  it('reads co-authors after a heading’s dash as the speakers of the quote after the colon', () => {
    const quotes = quotesOf([
      'Pollster Dan Frey released new numbers on Monday.',
      'LATE DECIDERS MOVED THE RACE - Ann Lee and Bo Park: “Our survey found that voters who decided in the final week broke sharply toward the challenger.”',
    ]);
    expect(quotes[0]?.speaker).toBe('Bo Park');
  });

  it('reads "Here’s X in 1998:" as presenting the speaker of the quote', () => {
    const quotes = quotesOf([
      'Critic Sam Ortiz argues that the party lost its way years ago.',
      'Here’s Ruth Keller in March 1998: “Our new course must rest on growth that reaches every family in the country.”',
    ]);
    expect(quotes[0]?.speaker).toBe('Ruth Keller');
  });

  it('gives an interview question to the "by" agent, not to the one asked', () => {
    const quotes = quotesOf([
      'Senator Ann Cole spoke at the forum on Friday. Cole was asked by moderator Tim Ruiz, who has criticized her, “Now, you once promised to cut taxes. Will you?” Cole responded, “I keep my promises.”',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Tim Ruiz', 'Ann Cole']);
  });

  it('gives a question asked "in an interview with" an outlet to the outlet', () => {
    const quotes = quotesOf([
      'Mayor Bo Link gave few interviews this year. In an interview with the Harbor Gazette published Monday, Link was asked, “What is the worst street in town?” Link joked that it was his own.',
    ]);
    expect(quotes[0]?.speaker).toBe('Harbor Gazette');
  });

  it('reads the object of "asked" as the one addressed, not the speaker', () => {
    const quotes = quotesOf([
      'Senator Ann Cole and Governor Tom Reyes shared a stage at the fair. Cole smiled and asked the crowd to welcome the governor - “my oldest friend in politics.”',
    ]);
    expect(quotes[0]?.speaker).toBe('Ann Cole');
  });

  it('gives "as the X tabloid noted" to the tabloid', () => {
    const quotes = quotesOf([
      '“We will not bow to pressure,” Minister Wu Lan said on Monday. But as the nationalist Morning Star tabloid noted in an editorial, the mayor “has surprisingly won over the city.”',
    ]);
    expect(quotes[1]?.speaker).toBe('Morning Star');
  });

  it('gives a later quote of the sentence to the speaker of an aside, not to the subject', () => {
    const quotes = quotesOf([
      'Senator Ann Cole spoke at length on Tuesday.',
      'Governor Tom Reyes, Cole said, had spent “a lifetime in office” and vetoed “dozens of good bills.”',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Ann Cole', 'Ann Cole']);
  });

  it('gives a quote in a "that" clause to the owner of the claim, not to who brings it up', () => {
    const quotes = quotesOf([
      'Paul Dorsey spoke to voters on Friday.',
      'The Daily Ledger questioned Dorsey’s claim that there were “thousands of empty homes in the city.”',
    ]);
    expect(quotes[0]?.speaker).toBe('Paul Dorsey');
  });

  it('reads a possessive pronoun before a remark as the subject of its own clause', () => {
    const quotes = quotesOf([
      'Mark Hill debated Tom Reyes on Monday.',
      '“We will win this race,” Reyes said. As the night wore on and Hill stood by his remark that “taxes must fall for everyone,” the crowd cheered.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Tom Reyes', 'Mark Hill']);
  });

  it('gives a quote after "X’s post:" to the post’s owner', () => {
    const quotes = quotesOf([
      'Rival candidate Mark Hill conceded on Sunday. The Daily Ledger reported the result first.',
      'From Hill’s Facebook post: “We are done with this fight for now.”',
    ]);
    expect(quotes[0]?.speaker).toBe('Mark Hill');
  });

  it('gives "he" to the man brought up after a woman spoke, not to an earlier man', () => {
    const quotes = quotesOf([
      '“The mill will reopen,” Governor Tom Baker said on Monday.',
      '“We have heard that before,” said Mayor Helen Ward. “Nobody believes it.”',
      'Yet at the back of the hall stood union official Peter Quinn.',
      '“They closed it on us twice,” he said.',
    ]);
    expect(quotes.at(-1)?.speaker).toBe('Peter Quinn');
  });

  it('reads the name after a role as the subject ("the county chairman Carl Fisk")', () => {
    const quotes = quotesOf([
      '“We will win the county,” said John Hammond. He said there are many delegates left.',
      'The state convention opens in June. '.repeat(15),
      'There, the county party chairman Carl Fisk declined to name the delegates.',
      '“Our people are ready,” he said.',
    ]);
    expect(quotes.at(-1)?.speaker).toBe('Carl Fisk');
  });

  it('takes the subject of a ", but" clause as the person "he" refers to', () => {
    const quotes = quotesOf([
      '“The plan is sound,” said Senator Ray Cole.',
      'The moderators tried to move on, but Dan Pike was not finished.',
      '“That plan is a fantasy,” he said.',
    ]);
    expect(quotes.at(-1)?.speaker).toBe('Dan Pike');
  });

  it('does not take the subject of a reported clause as a speaker', () => {
    const quotes = quotesOf([
      '“The party is united,” said Mark Tull.',
      'Brian Hale, the chairman of the county party, for example, said Tull continued to hurt the ticket.',
      '“It is not going well for him,” he said.',
    ]);
    expect(quotes.at(-1)?.speaker).toBe('Brian Hale');
  });

  it('does not read a reported clause\'s subject as an inverted speaker ("said Doe would")', () => {
    const quotes = quotesOf([
      '“The talks are over,” said envoy Omar Haddad.',
      'Asked about it later, host Lars Berg, speaking privately, for his part, said Haddad would resign.',
      '“Nobody expects him to stay,” he said.',
    ]);
    expect(quotes.at(-1)?.speaker).toBe('Lars Berg');
  });

  it('gives a quote a colon introduces after a document to the document’s issuer', () => {
    const quotes = quotesOf([
      'Senator Mark Hollis spoke to reporters on Monday about the budget.',
      'And look at this new headline from the Daily Ledger, which hits the senator hard: “Budget talks collapse as senators bicker over pennies.”',
      'Hollis said little. From Jane Pruitt’s Facebook post: “I never expected to see this happen in my own town.”',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Daily Ledger', 'Jane Pruitt']);
  });

  it('does not take the outlet that obtained a document for the document’s author', () => {
    const quotes = quotesOf([
      'Governor Tom Reddick met with farmers on Tuesday.',
      'A June 3 letter from the Veterans League obtained by The Ledger warns that “any further use of the logo will be met with a lawsuit.”',
    ]);
    expect(quotes[0]?.speaker).toBe('Veterans League');
  });

  it('gives a poll’s answers to the poll’s sponsor when no one else is named', () => {
    const quotes = quotesOf([
      'Governor Tom Reddick met with farmers on Tuesday. “We need rain,” Reddick said.',
      'In a March Courier-Globe poll, 60 percent of voters said “the state is on the wrong track.”',
    ]);
    expect(quotes[1]?.speaker).toBe('Courier-Globe');
  });

  it('gives an unattributed quote to the issuer of the statement just brought up', () => {
    const quotes = quotesOf([
      'Party chair Dana Whitcomb resigned on Sunday after the leak. Later, the RNC issued a statement apologizing to Governor Tom Reddick for the messages.',
      '“On behalf of everyone at the committee, we offer a sincere apology to the governor.”',
    ]);
    expect(quotes[0]?.speaker).toBe('RNC');
  });

  it('reads "the editorial board" as the outlet that spoke last', () => {
    const quotes = quotesOf([
      'Governor Tom Reddick toured the flood zone on Friday. The Valley Courier said on Monday that Reddick had misled voters.',
      'Reddick was angry. “He has shown no respect for the truth,” the editorial board wrote.',
    ]);
    expect(quotes[0]?.speaker).toBe('Valley Courier');
  });

  it('reads past a party tag and its comma before the speech verb', () => {
    const quotes = quotesOf([
      'Wednesday at a town hall in Dover, after winning the state primary, Sen. Mary Stone (D-VT), said, “We are ready to vote on this today.”',
    ]);
    expect(quotes[0]?.speaker).toBe('Mary Stone');
  });

  it('reads reply and recollection verbs as attributions', () => {
    const quotes = quotesOf([
      'Mayor Paul Grant spoke first. “We will rebuild,” Grant said. Susan Miller, the governor, toured the docks.',
      '“The river always wins,” an angry Miller retaliated. “It never stops.”',
      '“The levee was never finished,” remembered Tom Reyes, the town’s former engineer.',
      '“Nobody listened to the engineers,” blogged Ann Coyle, a local historian.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual([
      'Paul Grant',
      'Susan Miller',
      'Susan Miller',
      'Tom Reyes',
      'Ann Coyle',
    ]);
  });

  it('resolves a role to the person the article named "as" that role', () => {
    const quotes = quotesOf([
      'Mayor Paul Grant spoke first. “We will rebuild,” Grant said.',
      'On Friday Susan Miller gave her first address as the Republican nominee, calling Grant unfit. Miller later toured the docks.',
      '“A town you can flood is not a town you can keep,” said the Republican nominee.',
    ]);
    expect(quotes[1]?.speaker).toBe('Susan Miller');
  });

  it('finds the subject before a speech verb closing a long appositive', () => {
    const quotes = quotesOf([
      'Mayor Paul Grant spoke first. “We will rebuild,” Grant said.',
      '“The river always wins,” Dana Holt, an engineer at the state water agency who has studied the levee for years, said on Monday.',
    ]);
    expect(quotes[1]?.speaker).toBe('Dana Holt');
  });

  it('reads the subject after an opening phrase that names nobody ("Moreover, as ..., Doe")', () => {
    const quotes = quotesOf([
      'Mayor Clara Vance opened the budget hearing on Tuesday.',
      'Moreover, as part of the same exchange, Pellworth cited an audit finding that “fewer than one in ten invoices were ever checked.”',
    ]);
    expect(quotes.at(-1)?.speaker).toBe('Pellworth');
  });

  it('reads a role word after an honorific as a surname ("Mr. King added")', () => {
    const quotes = quotesOf([
      'Rodney King joined the panel on Friday.',
      'Marc Ortiz spoke first. “We are ready,” Ortiz said.',
      '“It is about turnout,” Mr. King added.',
    ]);
    expect(quotes.at(-1)?.speaker).toBe('Rodney King');
  });

  it('keeps a full name ending in a role word after a given name ("Sally Jean King")', () => {
    const quotes = quotesOf([
      'Golf great Sally Jean King remembered the coach fondly.',
      'Paul Novak praised him too. “He changed the game,” Novak said.',
      'King won six titles. “I loved every round,” she said.',
    ]);
    expect(quotes.at(-1)?.speaker).toBe('Sally Jean King');
  });

  it('resolves a lone role word to the person it is the surname of ("Dean said")', () => {
    const quotes = quotesOf([
      'Howard Dean, a former party chairman, spoke on Tuesday.',
      'Maria Lopez spoke earlier. “We are ready,” Lopez said.',
      '“He should apologise,” Dean said.',
    ]);
    expect(quotes.at(-1)?.speaker).toBe('Howard Dean');
  });

  it('reads the name after two roles joined by "and" ("said former Ohio Gov. and party Chairman X")', () => {
    const quotes = quotesOf([
      '“We are ready,” said Anna Kowal.',
      '“That is wrong,” said former Ohio Gov. and party Chairman Ted Marlow.',
    ]);
    expect(quotes.at(-1)?.speaker).toBe('Ted Marlow');
  });

  it('knows a name with a party tag as a person ("Tom Ricks (R-Neb.), who ...")', () => {
    const quotes = quotesOf([
      'Senate Budget Republican Tom Ricks (R-Neb.), who read the report, agreed with the finding.',
      '“The numbers do not add up,” he said.',
    ]);
    expect(quotes.at(-1)?.speaker).toBe('Tom Ricks');
  });

  it('learns a surname-only subject’s gender from his own pronoun for a later "she"', () => {
    const quotes = quotesOf([
      '“The bridge will open in spring,” Mayor Ruth Calder said on Monday.',
      'The contract went to Dorin Okonkwo, a builder from the valley. Okonkwo said his crews would start in March.',
      '“We have waited long enough for this,” she said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Ruth Calder', 'Ruth Calder']);
  });

  it('takes the name right after the quote past several appositives before "said"', () => {
    const quotes = quotesOf([
      'Mayor Paul Grant spoke first. “We will rebuild,” Grant said.',
      '“It is an overreach by the federal agency,” Dana Holt, the Democratic attorney general of Vermont, one of the states suing the agency, said at an event this month.',
    ]);
    expect(quotes.at(-1)?.speaker).toBe('Dana Holt');
  });

  it('gives a quote that "reads" a document to the outlet owning it', () => {
    const quotes = quotesOf([
      'Mayor Paul Grant spoke first. “We will rebuild,” Grant said.',
      '“The mayor has shown less spine than a jellyfish,” reads a Sunday editorial in The Harbor Ledger.',
    ]);
    expect(quotes.at(-1)?.speaker).toBe('Harbor Ledger');
  });

  it('does not take the listener after "told" closing a long attribution', () => {
    const quotes = quotesOf([
      'Mayor Paul Grant spoke first. “We will rebuild,” Grant said.',
      '“This story is not only in our courts, it is pushed by the evening news,” Nora Feld, the director of the Center for Fair Media and one of the voices in the new film, told The Harbor Ledger.',
    ]);
    expect(quotes.at(-1)?.speaker).toBe('Nora Feld');
  });

  it('reads a closing attribution past a short title in marks', () => {
    const quotes = quotesOf([
      'Mayor Paul Grant spoke first. “We will rebuild,” Grant said.',
      '“We have had better weeks than this one,” Ohio delegate Sam Okafor, wearing a straw hat and a “Vote Lee” button, said quietly as the hall emptied.',
    ]);
    expect(quotes[1]?.speaker).toBe('Sam Okafor');
  });

  it('signs a pull quote with the line that closes it', () => {
    const quotes = quotesOf([
      'Mayor Paul Grant spoke first. “We will rebuild,” Grant said.',
      '"The harbor tax will hurt every family that fishes for a living.',
      'Lena Ortiz, Harbor Fishermen’s Union."',
    ]);
    expect(quotes.at(-1)?.speaker).toBe('Lena Ortiz');
  });

  it('reads past a quote nested in the same marks', () => {
    const quotes = quotesOf([
      'Mayor Paul Grant spoke first. “We will rebuild,” Grant said.',
      'The plan drew fire. “His promise that the port “will pay for itself” is a fantasy that voters should reject,” wrote Nora Feld, a local economist.',
    ]);
    expect(quotes.at(-1)?.speaker).toBe('Nora Feld');
  });

  it('does not give an indefinite role ("a city spokesman") to a person so described', () => {
    const quotes = quotesOf([
      'City spokesman Dana Whitlow opened the hearing on Monday. “We will reopen the east pier by spring,” Whitlow said.',
      'Mayor Paul Grant agreed. “The pier is the heart of this town,” Grant said.',
      '“Nobody here believes that date,” said a city spokesman.',
    ]);
    expect(quotes[2]?.speaker).not.toBe('Dana Whitlow');
  });

  it('reads no sentence subject from inside a quotation', () => {
    const chant = quotesOf([
      'Mayor Paul Grant spoke at the pier. “We will rebuild,” Grant said.',
      'The crowd shouted back at him, "Fix the roads," and "Open the harbor."',
    ]);
    expect(chant.at(-1)?.speaker).not.toBe('Fix');
    const flyer = quotesOf([
      'Mayor Paul Grant spoke at the pier. “We will rebuild,” Grant said.',
      'One flyer, "Harbor First," shows a fisherman who says the mayor will "fix the docks" or "close the pier."',
    ]);
    expect(flyer.at(-1)?.speaker).not.toBe('Harbor');
    // A sentence run on from a quote's closing mark: its subject comes after the quote.
    const runOn = quotesOf([
      'Mayor Paul Grant spoke first. “We will rebuild,” Grant said. “The best days are ahead!”Former governor Ruth Adler broke down what was wrong with the plan in a local paper: “What he promised was never funded.”',
    ]);
    expect(runOn.at(-1)?.speaker).toBe('Ruth Adler');
  });

  it('goes past the town a person is from, and several appositives, to the subject', () => {
    const quotes = quotesOf([
      'Mayor Paul Grant spoke first. “We will rebuild,” Grant said.',
      'Nina Patel of Dover, Delaware says the mayor is “doing what he promised to do.”',
      'Omar Reyes, a retired welder from Salem, Oregon, says the plan will “leave us all poorer.”',
    ]);
    expect(quotes[1]?.speaker).toBe('Nina Patel');
    expect(quotes[2]?.speaker).toBe('Omar Reyes');
  });

  it('does not take the one described as the speaker of "described X as"', () => {
    const quotes = quotesOf([
      'Ruth Adler spoke. Mayor Paul Grant spoke first. “We will rebuild,” Grant said.',
      'Ruth Adler, who lost to Grant in the 2012 and 2016 mayoral races and whose views on roads and parks and taxes have long clashed with those of the mayor, described Grant in an interview as “a builder of bridges to nowhere.”',
    ]);
    expect(quotes[1]?.speaker).toBe('Ruth Adler');
  });

  it('does not read an infinitive, a modal verb or a noun as the attribution', () => {
    const quotes = quotesOf([
      'Mayor Paul Grant and Ruth Adler spoke on Monday. “We will rebuild,” Grant said.',
      'He went on to say Adler’s plan is “a gift to the developers.”',
      'Grant said he is sure Adler will continue to be “a tough opponent.”',
      '“We need new roads,” Adler said, posing a few questions, including, “Mr. Grant, where is the money going?”',
    ]);
    expect(quotes[1]?.speaker).toBe('Paul Grant');
    expect(quotes[2]?.speaker).toBe('Paul Grant');
    expect(quotes[4]?.speaker).toBe('Ruth Adler');
  });

  it('leaves an attribution in a later clause or before a colon to its own quote', () => {
    const quotes = quotesOf([
      'Mayor Paul Grant and Ruth Adler spoke on Monday. “We will rebuild,” Grant said.',
      'After Adler said that the budget was “a work of fiction,” Grant said: “It is balanced to the penny.”',
      'Adler said she was “ready to walk away” until Grant said he would cut the tax.',
    ]);
    expect(quotes[1]?.speaker).toBe('Ruth Adler');
    expect(quotes[3]?.speaker).toBe('Ruth Adler');
  });

  it('reads past a sentence-opening adverb or span of time to the subject', () => {
    const quotes = quotesOf([
      'Mayor Paul Grant spoke first. “We will rebuild,” Grant said. The crowd cheered.',
      'Hours later, Ruth Adler returned the favor to Grant, telling reporters, “The roads are still broken.”',
      'The crowd cheered again. Likewise, a report from the Harbor Institute had this to say about the plan: “The roads are still broken.”',
    ]);
    expect(quotes[1]?.speaker).toBe('Ruth Adler');
    expect(quotes[2]?.speaker).toBe('Harbor Institute');
  });

  it('resolves a role used as a reference to the person so described who was named last', () => {
    const quotes = quotesOf([
      'Sen. Ted Marsh, a Republican senator from Ohio, opposed the bill. Marsh spoke for an hour. Marsh later left.',
      'Sen. Paul Rudd, a Democratic senator from Iowa, backed it. “The bill is long overdue,” Rudd said.',
      'Reporters asked about the vote. The senator said he rarely campaigns for others, “except for close friends.”',
    ]);
    expect(quotes.at(-1)?.speaker).toBe('Paul Rudd');
  });

  it('keeps every speaker on a long article', () => {
    const paragraph =
      'Officials met on Monday. “We will not accept this deal under any circumstances,” Foreign Minister Ahmed Khan said, adding that “talks must go on.” He later said the “red line” stood.';
    const paragraphs = Array.from({ length: 1000 }, () => paragraph);
    const quotes = quotesOf(paragraphs);
    expect(quotes).toHaveLength(2000);
    expect(quotes.every((q) => q.speaker === 'Ahmed Khan')).toBe(true);
  });
});

describe('findQuotes: surnames that are also common words', () => {
  it('credits "Will wrote" to George Will when the text also writes "will"', () => {
    const quotes = quotesOf([
      'Ledger contributor George Will took aim at the field this week.',
      'The contest will go on, and voters will decide.',
      '“The nominating process is a reminder of what a president needs,” Will wrote.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['George Will']);
  });
});

describe('findQuotes: groups, anonymous sources and null speakers', () => {
  it('hangs a participle after a subordinate clause on that clause’s subject', () => {
    const quotes = quotesOf([
      'Sen. Ann Lee toured the plant on Monday. “We need these jobs,” Lee said.',
      'The worst moment came at noon, when Lee supporters interrupted Mayor Tom Hale, shouting “Go back to City Hall!”',
    ]);
    expect(quotes[1]?.speaker).toBe('Lee supporters');
  });

  it('gives a quote to the subject of an absolute "with" phrase', () => {
    const quotes = quotesOf([
      'Sen. Ann Lee had early allies among the unions, with Mayor Tom Hale calling her “the best friend our schools ever had.”',
    ]);
    expect(quotes[0]?.speaker).toBe('Tom Hale');
  });

  it('names a group after the person it backs, not that person', () => {
    const quotes = quotesOf([
      'Sen. Ann Lee spoke in Dayton on Monday. “We will carry this state,” Lee said.',
      'Outside the hall, Lee supporters waved signs. “Four more years for Ann!” Lee supporters shouted.',
      '“We are not done yet,” she said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Ann Lee', 'Lee supporters', 'Ann Lee']);
  });
});

describe('pronoun and gender resolution', () => {
  it('gives "she" to a woman introduced by full name after the current speaker', () => {
    const quotes = quotesOf([
      '“We will not back down,” said Mary Hale, the union’s president.',
      'While the mayor has praised the plan, the mood is different among the workers, which is something that troubles Ellen Brooks, president of the Dayton Nurses Association.',
      '“Nobody asked us,” she said.',
    ]);
    expect(quotes[1]?.speaker).toBe('Ellen Brooks');
  });

  it('keeps "she" on the speaker who goes on being talked about after naming someone new', () => {
    const quotes = quotesOf([
      '“We will not back down,” said Mary Hale, the union’s president.',
      'Hale said she had met Ellen Brooks, president of the Dayton Nurses Association.',
      '“Nobody asked us,” she said.',
    ]);
    expect(quotes[1]?.speaker).toBe('Mary Hale');
  });

  it('with no speaker of the gender, passes over an owner to the person named before', () => {
    const quotes = quotesOf([
      '“We will not back down,” said Mary Hale, the union’s president.',
      'Across town is Daniel Reyes, a retired county commissioner. Inspired by Commissioner Gil Moreno’s example, he has taken a second job.',
      '“I knock on doors every day,” he said.',
      'Reyes is not alone.',
    ]);
    expect(quotes[1]?.speaker).toBe('Daniel Reyes');
  });

  it('does not take the subject of a report inside what someone said as the speaker', () => {
    const quotes = quotesOf([
      'Tom Reed spoke at length on Monday, noting that the Gazette’s Paul Stone had reported in May that the campaign was in trouble.',
      '“That was wrong then and it is wrong now,” he said.',
    ]);
    expect(quotes[0]?.speaker).toBe('Tom Reed');
  });

  it('gives a quote opening a paragraph to "she told the crowd:" ending the one before', () => {
    const quotes = quotesOf([
      '“We are ready,” said Mark Bell, the party chairman.',
      'One of the central claims of Mayor Ann Cole’s speech on Monday does not hold up. She told the crowd, to loud applause:',
      '“No city has done more for its workers.”',
    ]);
    expect(quotes[1]?.speaker).toBe('Ann Cole');
  });

  it('reads "Secretary of State Jane Roe" as the name, not the role', () => {
    const quotes = quotesOf([
      '“We will wait,” press secretary Jim Lee said.',
      'Secretary of State Jane Roe said on Sunday that while the vote was an “important step forward,” it remained “far from perfect.”',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Jim Lee', 'Jane Roe', 'Jane Roe']);
  });
});

describe('findQuotes: the speaker named in the quote’s own sentence (cue)', () => {
  it('gives a quote inside an opening "when/as" clause to that clause’s subject', () => {
    const quotes = quotesOf([
      'Ruth Adler spoke first. Mayor Paul Grant spoke next. “We will rebuild,” Grant said.',
      'When Adler finally wrapped up — “The roads come first!” — the balloons came down.',
      'But as Adler promised to fix the bridges and “every last pothole in town,” the crowd cheered.',
    ]);
    expect(quotes[1]?.speaker).toBe('Ruth Adler');
    expect(quotes[2]?.speaker).toBe('Ruth Adler');
  });

  it('does not take the pronoun opening what was said as the speaker', () => {
    const quotes = quotesOf([
      'Mayor Paul Grant spoke first. “We will rebuild,” Grant said. Ruth Adler spoke next.',
      'The Harbor Gazette obtained a tape of the speech and said he “spoke for an hour without notes.”',
    ]);
    expect(quotes[1]?.speaker).toBe('Harbor Gazette');
  });

  it('reads the person after a title and its department ("Secretary of State X")', () => {
    const quotes = quotesOf([
      'Ruth Adler spoke first. Press secretary Paul Grant spoke next. “We will rebuild,” Grant said.',
      'Secretary of State Ruth Adler said on Sunday that although the vote was “a first step,” it was “far from enough.”',
    ]);
    expect(quotes[2]?.speaker).toBe('Ruth Adler');
  });
});

describe('roles: role and description references as speakers', () => {
  it('reads a role as re-describing the person just talked about', () => {
    const quotes = quotesOf([
      'Sen. Ann Holt opened the day with a rally in Des Moines. “We will win this state,” Holt said.',
      'The crowd was large and loud, and the rally ran late into the afternoon before the buses left.',
      'Mark Dunn toured a dairy farm near Ames on Monday with farmers and their families.',
      'Walking into the barn, the senator said his plan was “good for every farm in the state.”',
    ]);
    expect(quotes.at(-1)?.speaker).toBe('Mark Dunn');
  });

  it('reads "Secretary of Defense Jane Roe" as the name after the title and its "of"', () => {
    const quotes = quotesOf([
      'Press secretary Jim Hale said the talks had been “very useful for both sides.”',
      'Secretary of Defense Ann Lowe said on Sunday that although the deal was an “important step forward,” the terms were “far from perfect.”',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Jim Hale', 'Ann Lowe', 'Ann Lowe']);
  });
});
