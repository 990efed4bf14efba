/**
 * Given names and the gender they suggest, for "he"/"she" agreement when nothing else tells.
 * General lists, not drawn from any corpus: the common given names of English-speaking countries
 * across generations (with diminutives: Debbie, Brad, Jenny, Bobby), and common given names of
 * other languages in world news (Spanish, Portuguese, French, Italian, German, Arabic, Persian,
 * Russian, Hebrew, Turkish, Indian). Names widely given to both sexes are left out (Terry, Jordan,
 * Taylor, Morgan, Jamie, Casey, Robin, Leslie, Kim, Jean, Alexis, Lindsey), and so are names that
 * are also places or common capitalised words (Georgia, Carolina, Will, April, Summer, Grant).
 * A few names of public figures are kept from the first, shorter lists (Barack, Reince, Tulsi,
 * and "Xi", a surname written first). Accented names also appear without their accents.
 * Lower case, one string per gender, alphabetical.
 */
const FEMALE_NAMES: ReadonlySet<string> = new Set(
  (
    'abby abigail ada adele adeline adriana adrienne agatha agnes aileen aimee alana alba ' +
    'alberta alejandra alessandra alessia alexa alexandra alexandria alice alicia alina alison ' +
    'alla allie allison alma alyson alyssa amal amanda amber amelia amelie amélie amina amparo ' +
    'amy ana anastasia anastasiya andrea angela angelica angelina angie anita anke ann anna ' +
    'annabel annabelle annalena anne annegret annette annie annika antoinette antonella anya ' +
    'ariana arianna arlene ashley asma audrey ava ayelet ayse ayşe azadeh barbara beatrice ' +
    'beatriz becky begona begoña belinda bella bernadette bernice beth bethany betsy bettie ' +
    'betty beverly bianca billie birgit blanche bonnie brandi brandy bree brenda brenna brianna ' +
    'bridget brigid brigitte britney brittany brooke caitlin callie camila candace candice cara ' +
    'carla carly carmela carmen carol carole caroline carolyn carrie cassandra catherine cathy ' +
    'cecile cécile cecilia celeste celia celine chantal charlene charlotte chastity chelsea ' +
    'cheri cherie cheryl chiara chloe christa christiane christie christina christine christy ' +
    'ciara cindy claire clara clare clarissa claudette claudia claudine cleo colette colleen ' +
    'conceicao conceição condoleezza connie constance consuelo cora coretta corinne cornelia ' +
    'courtney cristina cynthia daisy dalia danica daniela danielle daphne dara darlene darya ' +
    'dawn deana deanna debbie debora deborah debra deirdre deja delia della delores delphine ' +
    'dena denise desiree diana diane dianna dianne dilma dina dixie dolly dolores donna dora ' +
    'doreen doris dorothea dorothy dottie ebony edith edna edwina eileen ekaterina elaine ' +
    'eleanor elena elif elisa elisabeth elise eliza elizabeth elke ella ellen ellie eloise elsa ' +
    'elsie elvira emilia emilie émilie emily emine emma emmy erica erika erin erma esperanza ' +
    'estelle esther ethel etta eugenie eunice eva evangeline evelyn evie faith fannie fatemeh ' +
    'fatima fatma fay federica felicia fernanda fiona flora florencia frances francesca ' +
    'francoise françoise frieda gabriela gabriella gabrielle gail galina gayle gemma genevieve ' +
    'geneviève georgina geraldine gertrude gillian gina ginny giovanna gisela gisele giselle ' +
    'giulia giuseppina gladys glenda gloria golda grace graciela greta gretchen guadalupe gwen ' +
    'gwendolyn gwyneth hailey hala haley hallie hana hanan hannah harriet hattie hayley hazel ' +
    'heather heidi heike helen helena helene hélène helga henrietta hester hiba hilary hilda ' +
    'hildegard hillary holly hope huda huma ida ilene ilse imogen ina indira ingrid inmaculada ' +
    'irene irina iris irma isabel isabella isabelle isla ivana ivanka jacqueline jamila jane ' +
    'janelle janet janette janice janie janine janis jasmine jeanette jeanie jeanne jeannette ' +
    'jeannie jemima jenn jenna jennie jennifer jenny jessica jewel jill jillian joan joana joann ' +
    'joanna joanne jocelyn jolene joni josefina josephine josie joy joyce juanita judith judy ' +
    'julia juliana julianne julie juliet juliette justine jutta kaitlyn kamala kara karen kari ' +
    'karin karina kate katelyn katharine katherine kathie kathleen kathryn kathy katie katja ' +
    'katrin katrina katy katya kay kayla kaylee keisha kelly kellyanne kelsey kendra kerstin ' +
    'khadija kimberly kirsten krista kristen kristi kristin kristina kristine kristy ksenia ' +
    'kylie lacey laetitia laila lakisha lana lara larisa latoya laura laurel lauren laurie layla ' +
    'lea leah leanne leila lena lenora leona leonor leticia letitia lila liliana lillian lillie ' +
    'lily linda lisa liz lizzie lois lola lolita lorena loretta lori lorna lorraine lottie ' +
    'louisa louise luann lucia lucía luciana lucille lucinda lucy luisa luiza lula lydia lynda ' +
    'lynette lyudmila mabel mackenzie madeleine madeline madelyn madge madison mae mafalda ' +
    'maggie mahnaz mahsa mallory mandy manuela mara marcella marci marcia marcy margaret margie ' +
    'margo margot marguerite maria mariah mariam marian mariana marianne marie marilyn marina ' +
    'marine marisa marisol marissa marjorie marla marlene marsha marta martha martina martine ' +
    'mary maryam masha masoumeh mathilde mattie maude maura maureen mavis maxine maya meagan meg ' +
    'megan meghan megyn melania melanie melba melinda melissa melody meredith mia michaela ' +
    'michele michelle mildred millie mindy minnie mira miranda miriam mirta missy misty mollie ' +
    'molly mona monica monika monique montserrat muriel myra myrtle nadezhda nadia nadine najla ' +
    'nan nancy nanette naomi narges nasrin natalia natalie natalya natasha nathalie nazanin neda ' +
    'nell nellie nettie nichole nicola nicole nikki nina nirmala noelle nora noreen norma noura ' +
    'nuria octavia oksana olga olivia ophelia paige paloma pam pamela paola parisa parvin ' +
    'patricia patsy patti pattie patty paula paulette paulina pauline peggy penelope penny petra ' +
    'philippa phoebe phyllis pilar pippa polina polly priscilla priya rachael rachel ramona ' +
    'rania raquel rasha reba rebecca rebekah reem regina remedios renate renee rhoda rhonda rita ' +
    'roberta robyn rochelle rocio rocío rosa rosalie rosalind rosalyn rosalynn rosanna rose ' +
    'rosemary rosie rowena roxanne roya ruby ruth ruthie sabina sabine sabrina sadie sally salma ' +
    'samantha samira sandra sara sarah scarlett segolene ségolène selena selma serena shana ' +
    'sharon shawna sheila shelley shelly sheri sherri sherrie sherry sheryl shirin shirley silke ' +
    'silvia simin simona sofia soledad sonia sonja sonya sophia sophie stacey staci stacie stacy ' +
    'stefania stella stephanie sue sunita susan susana susanna susanne susie suzanne svetlana ' +
    'sybil sylvia sylvie tabitha tamara tami tamika tammie tammy tania tanya tara tatiana ' +
    'tatyana teresa teri terri tess tessa thelma theresa tia tiffany tina tonya tori tricia ' +
    'trish trisha trudy tulsi tzipi ulrike ursula ute valentina valerie valérie vanessa velma ' +
    'vera veronica veronique véronique vicki vickie vicky victoria viola violet virginie vivian ' +
    'vivienne wanda wendi wendy whitney willa wilma winifred winnie yasmin yasmine yelena ' +
    'yolanda yulia yuliya yvette yvonne zahra zainab zeinab zelda zeynep zoe zoya'
  ).split(' '),
);

const MALE_NAMES: ReadonlySet<string> = new Set(
  (
    'aaron abbas abdallah abdel abdelaziz abdul abdulaziz abdullah abe abraham adam adel adrian ' +
    'agustin agustín ahmad ahmed akbar al alain alan albert alberto alec alejandro aleksandr ' +
    'aleksei alessandro alexander alexei alexey alfie alfonso alfred alfredo ali alistair allan ' +
    'allen alvaro álvaro alvin amir amr anatoly andre andrei andres andrés andrew andrey andy ' +
    'angelo angus anthony antoine anton antonio anwar archie arkady armando armin arnold arthur ' +
    'arturo ashraf avigdor ayman babak barack barney barry bashar basil behnam behrouz ben ' +
    'benjamin benny bernard bernie bert bilal bill billy blake bob bobby boris brad bradley ' +
    'brandon brendan brent bret brett brian brock bruce bruno bryan bryce buddy burt byron ' +
    'calvin carl carlo carlos carlton cecil cedric cesar césar chad charles chester chris ' +
    'christian christophe christopher chuck clarence claudio clayton cliff clifford clint clyde ' +
    'cody colin connor conor conrad corey cornelius craig curtis cyril damian damon dan daniel ' +
    'danny darius dariush darrell darren darryl dave david demetrius denis dennis derek derrick ' +
    'desmond dexter dick didier diego dieter dmitri dmitry dominic don donald donnie donovan ' +
    'dorian doug douglas duane duncan dustin dwayne dwight dylan ebrahim ed eddie edgar edmund ' +
    'edouard édouard eduardo edward edwin ehud eli elijah elliot elliott elmer elvis emad ' +
    'emanuel emilio emmanuel emmett enrico enrique eric éric erik ernest ernesto ernie erwin ' +
    'esteban ethan etienne étienne eugene evan everett evgeny ewan ezra fabio fadi fahd faisal ' +
    'farhad farouk federico felipe felix fernando finn fletcher florian floyd forrest francesco ' +
    'francis francisco franco francois françois frank franklin fred freddie freddy frederic ' +
    'frédéric frederick friedrich fyodor gabriel gareth garrett garry gary gavin gene gennady ' +
    'geoff geoffrey georg george georgy gerald gerard gérard gerhard gerry gianluca gianni ' +
    'gideon gilbert giorgio giovanni giuseppe glen glenn gonzalo gordon grady graham greg ' +
    'gregory griffin grigory guillaume guillermo gunter günter gus gustavo hal hamad hamed hamid ' +
    'hamza hank hans harlan harold harry harvey hassan hector heinz helmut henri henry herbert ' +
    'herman herve hervé hisham homer horace horst hossein howard hubert hugh hugo hussein ian ' +
    'ibrahim igor ike ilya imad irving irwin isaac isaiah ismail ivan jack jacob jacques jaime ' +
    'jair jake jalal jamal james jared jason jasper javad javier jay jean-claude jean-luc ' +
    'jean-marc jean-marie jean-michel jean-paul jean-pierre jean-yves jeb jed jeff jeffery ' +
    'jeffrey jerald jeremiah jeremy jerome jérôme jerry jesse jesus jesús jim jimmie jimmy ' +
    'joachim joao joão joaquin joaquín joe joel joey johannes john johnnie johnny jon jonah ' +
    'jonas jonathan jorge jose josé joseph josh joshua josiah juan julian julien julio julius ' +
    'jurgen jürgen justin kamal kamran karim karl kazem keith ken kenneth kenny kermit kevin ' +
    'khaled khalid khalil kieran kirk klaus konstantin kurt kyle lamar lamont lance larry ' +
    'laurent lawrence leland len lenny leo leon leonard leonardo leonid leroy lester levi lewis ' +
    'liam lionel lloyd logan lonnie lorenzo louie louis lowell luc luca lucas luigi luis luiz ' +
    'lukas luke luther lyle mack mahdi mahmoud majid malcolm malik manfred manuel marc marcel ' +
    'marcelo marco marcos marcus mario mark markus marlon martin marty marvin marwan mason ' +
    'masoud massimo mateo matt matteo matthew matthias maurice mauricio maurizio mauro max maxim ' +
    'maxime mehdi melvin micah michael michel mickey miguel mike mikhail milton mitch mitchell ' +
    'mohamed mohammad mohammed mohsen mojtaba monty morris morteza moses moshe mostafa muhammad ' +
    'murray mustafa mykola myron nabil naftali narendra nasser nate nathan nathaniel ned neil ' +
    'nelson neville newt nicholas nick nicolas nicolás nigel nikolai noah noel nolan norbert ' +
    'norman nuno olaf oleg oleksandr oliver olivier ollie omar orville oscar óscar oswald otis ' +
    'otto owen pablo paolo pascal patrice patrick paul paulo pavel pedro percy pete peter phil ' +
    'philip philippe phillip pierre pietro preston pyotr qasem quentin rafael rahul raimundo ' +
    'rainer ralf ralph rami ramon ramón ramzan rand randall randolph randy rashid raul raúl ray ' +
    'raymond recep reggie reginald reince rex reza rhys ricardo riccardo richard rick ricky rob ' +
    'robbie robby robert roberto rocco rod rodney rodrigo roger roland rolf ron ronald ronnie ' +
    'rory ross roy royce ruben rudolph rudy rufus rupert ruslan russ russell ryan saad saeed ' +
    'salah salvatore sami samir sammy samuel saul scott seamus sean sebastian sebastien ' +
    'sébastien serge sergei sergey sergio seth seymour shane shaun shawn sheldon shimon silvio ' +
    'simon solomon spencer stan stanley stefan stefano stephane stéphane stephen steve steven ' +
    'stewart stu stuart suleiman sylvester tad tarek tariq ted teddy terrance terrell terrence ' +
    'thaddeus theodore thierry thomas thorsten tiago tim timmy timothy timur toby todd tom tomas ' +
    'tomás tommy tony travis trent trevor trey tristan troy ty tyler tyrone ulysses uwe vadim ' +
    'valentin vaughn vernon vic victor viktor vince vincent virgil vitaly vittorio vladimir ' +
    'vladislav volker volodymyr vyacheslav wade wael waleed walid wallace wally walt walter ' +
    'warren wayne wendell werner wesley wilbur wilfred willard william willie willis winston ' +
    'wolfgang woody wyatt xavier xi yair yaroslav yasser yevgeny yitzhak yousef youssef yuri ' +
    'yury yusuf yves zach zachary zack zane zeke ziad'
  ).split(' '),
);

/** Gender a given name suggests, if it is a common one for one sex only. */
export function givenNameGender(first: string): 'm' | 'f' | null {
  const lower = first.toLowerCase();
  if (FEMALE_NAMES.has(lower)) return 'f';
  if (MALE_NAMES.has(lower)) return 'm';
  return null;
}
