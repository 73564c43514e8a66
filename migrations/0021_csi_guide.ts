import type { Migration } from './types';
import { shippedTemplates } from './0004_assessments';

// The Child Status Index, anchored: a new version of the standard template whose twelve factors
// each say what a score of 1, 2, 3 and 4 looks like and how to read the factor for a child under 5,
// 5–12 and 13–17. The wording is Homeward's own (written for case workers, not copied from the
// published instrument). From this version on the twelve factors are locked
// (shared/assessments/standard.ts). The new version is built from the office's latest one: the six
// standard domains first (as shipped, with the guide), then the office's own domains in their
// order; questions an office had added inside a standard domain move to a domain of their own
// ("Office additions"), and a standard factor an office had moved elsewhere returns to its place.
// Completed assessments keep the version they were made with. This file is frozen once released.

type L = { en: string; fr: string; es: string; pt: string; ar: string };
const l = (en: string, fr: string, es: string, pt: string, ar: string): L => ({ en, fr, es, pt, ar });

/** Per factor: the descriptions of scores 1..4, then the guidance for under 5, 5–12 and 13–17. */
const guide: Record<string, { anchors: [L, L, L, L]; ages: [L, L, L] }> = {
  food_security: {
    anchors: [
      l('The child often goes a whole day without eating, or eats only now and then.', 'L’enfant passe souvent une journée entière sans manger, ou ne mange que de temps en temps.', 'El niño o niña pasa a menudo un día entero sin comer, o solo come de vez en cuando.', 'A criança passa muitas vezes um dia inteiro sem comer, ou só come de vez em quando.', 'كثيرًا ما يمضي الطفل يومًا كاملًا دون طعام، أو يأكل من حين إلى آخر فقط.'),
      l('The child often has too little to eat or goes to bed hungry; meals are irregular.', 'L’enfant a souvent trop peu à manger ou se couche le ventre vide ; les repas sont irréguliers.', 'El niño o niña a menudo come muy poco o se acuesta con hambre; las comidas son irregulares.', 'A criança tem muitas vezes pouco para comer ou deita-se com fome; as refeições são irregulares.', 'كثيرًا ما يكون طعام الطفل قليلًا جدًا أو ينام جائعًا، والوجبات غير منتظمة.'),
      l('The child usually has enough to eat, though on some days there is less or the food is plain.', 'L’enfant a en général assez à manger, même si certains jours il y en a moins ou la nourriture est pauvre.', 'El niño o niña suele tener suficiente para comer, aunque algunos días hay menos o la comida es muy sencilla.', 'A criança costuma ter o suficiente para comer, embora em alguns dias haja menos ou a comida seja pobre.', 'يجد الطفل عادةً ما يكفيه من الطعام، وإن كان أقل في بعض الأيام أو بسيطًا.'),
      l('The child has enough food every day, at regular meals.', 'L’enfant a assez à manger chaque jour, à des repas réguliers.', 'El niño o niña tiene comida suficiente todos los días, en comidas regulares.', 'A criança tem comida suficiente todos os dias, em refeições regulares.', 'يحصل الطفل على طعام كافٍ كل يوم في وجبات منتظمة.'),
    ],
    ages: [
      l('Ask how often and by whom the child is fed: young children need several small meals a day and cannot feed themselves.', 'Demandez combien de fois et par qui l’enfant est nourri : un jeune enfant a besoin de plusieurs petits repas par jour et ne peut pas se nourrir seul.', 'Pregunte con qué frecuencia y quién da de comer al niño o niña: los niños pequeños necesitan varias comidas pequeñas al día y no pueden alimentarse solos.', 'Pergunte quantas vezes e por quem a criança é alimentada: as crianças pequenas precisam de várias pequenas refeições por dia e não se alimentam sozinhas.', 'اسأل كم مرة يُطعَم الطفل ومن يطعمه: يحتاج الطفل الصغير إلى عدة وجبات صغيرة يوميًا ولا يستطيع إطعام نفسه.'),
      l('Ask the child and the caregiver, separately, what the child ate yesterday; notice a child who only eats at school.', 'Demandez à l’enfant et à la personne qui s’en occupe, séparément, ce que l’enfant a mangé hier ; remarquez un enfant qui ne mange qu’à l’école.', 'Pregunte por separado al niño o niña y a quien lo cuida qué comió ayer; fíjese si solo come en la escuela.', 'Pergunte à criança e ao cuidador, em separado, o que a criança comeu ontem; repare se a criança só come na escola.', 'اسأل الطفل ومقدّم الرعاية، كلًّا على حدة، عمّا أكله الطفل أمس، وانتبه إلى الطفل الذي لا يأكل إلا في المدرسة.'),
      l('Ask whether the young person skips meals so that others can eat, or works or trades to get food.', 'Demandez si le jeune saute des repas pour que d’autres mangent, ou s’il travaille ou échange quelque chose pour se nourrir.', 'Pregunte si la persona joven se salta comidas para que otros coman, o si trabaja o intercambia cosas para conseguir comida.', 'Pergunte se o jovem salta refeições para que outros comam, ou se trabalha ou troca coisas para conseguir comida.', 'اسأل هل يتخلى اليافع عن وجبات كي يأكل غيره، أو يعمل أو يقايض ليحصل على الطعام.'),
    ],
  },
  nutrition_growth: {
    anchors: [
      l('The child is very thin, swollen or far too small for their age, and needs medical care now.', 'L’enfant est très maigre, gonflé ou bien trop petit pour son âge, et a besoin de soins médicaux sans attendre.', 'El niño o niña está muy delgado, hinchado o demasiado pequeño para su edad, y necesita atención médica ya.', 'A criança está muito magra, inchada ou demasiado pequena para a idade, e precisa de cuidados médicos já.', 'الطفل نحيل جدًا أو متورّم أو أصغر بكثير من عمره، ويحتاج إلى رعاية طبية فورًا.'),
      l('The child looks thinner or smaller than children of the same age, or often lacks energy.', 'L’enfant paraît plus maigre ou plus petit que les enfants de son âge, ou manque souvent d’énergie.', 'El niño o niña parece más delgado o más pequeño que otros de su edad, o a menudo le falta energía.', 'A criança parece mais magra ou mais pequena do que as crianças da mesma idade, ou falta-lhe muitas vezes energia.', 'يبدو الطفل أنحف أو أصغر من أقرانه في العمر، أو كثيرًا ما تنقصه الطاقة.'),
      l('The child’s growth looks right for their age, but the food has little variety.', 'La croissance de l’enfant semble normale pour son âge, mais son alimentation est peu variée.', 'El crecimiento parece adecuado para su edad, pero la alimentación es poco variada.', 'O crescimento da criança parece adequado à idade, mas a alimentação é pouco variada.', 'يبدو نمو الطفل مناسبًا لعمره، لكن طعامه قليل التنوع.'),
      l('The child is growing well, has energy and eats a varied diet.', 'L’enfant grandit bien, a de l’énergie et mange de façon variée.', 'El niño o niña crece bien, tiene energía y come de forma variada.', 'A criança cresce bem, tem energia e tem uma alimentação variada.', 'ينمو الطفل جيدًا ولديه طاقة ويتناول طعامًا متنوعًا.'),
    ],
    ages: [
      l('Use the health card’s growth chart or an arm measurement where the clinic offers one; ask about breastfeeding and weaning.', 'Utilisez la courbe de croissance du carnet de santé ou une mesure du bras si le centre de santé la propose ; posez des questions sur l’allaitement et le sevrage.', 'Use la curva de crecimiento de la cartilla de salud o una medición del brazo si el centro de salud la ofrece; pregunte por la lactancia y el destete.', 'Use a curva de crescimento do boletim de saúde ou a medição do braço se o centro de saúde a fizer; pergunte pela amamentação e pelo desmame.', 'استعمل منحنى النمو في البطاقة الصحية أو قياس محيط الذراع إن توفّر في المركز الصحي، واسأل عن الرضاعة والفطام.'),
      l('Compare with children of the same age nearby; ask about the child’s energy in play and at school.', 'Comparez avec les enfants du même âge du voisinage ; demandez comment est l’énergie de l’enfant au jeu et à l’école.', 'Compare con niños de la misma edad del entorno; pregunte por su energía al jugar y en la escuela.', 'Compare com crianças da mesma idade da vizinhança; pergunte pela energia da criança a brincar e na escola.', 'قارن بأطفال في العمر نفسه في المحيط، واسأل عن نشاط الطفل في اللعب وفي المدرسة.'),
      l('Allow for growth spurts; ask about eating habits and, for a girl, about pregnancy and its needs.', 'Tenez compte des poussées de croissance ; interrogez sur les habitudes alimentaires et, pour une fille, sur une grossesse et ses besoins.', 'Tenga en cuenta los estirones; pregunte por los hábitos de alimentación y, en el caso de una chica, por un embarazo y sus necesidades.', 'Tenha em conta os surtos de crescimento; pergunte pelos hábitos alimentares e, no caso de uma rapariga, por uma gravidez e as suas necessidades.', 'ضع في الحسبان طفرات النمو، واسأل عن عادات الأكل، وعن الحمل واحتياجاته إن كانت فتاة.'),
    ],
  },
  shelter: {
    anchors: [
      l('The child has no stable place to sleep, or sleeps somewhere open to the weather or to danger.', 'L’enfant n’a pas d’endroit stable où dormir, ou dort dans un lieu exposé aux intempéries ou au danger.', 'El niño o niña no tiene un lugar estable donde dormir, o duerme en un sitio expuesto al clima o al peligro.', 'A criança não tem um lugar estável para dormir, ou dorme num sítio exposto ao tempo ou ao perigo.', 'ليس للطفل مكان ثابت للنوم، أو ينام في مكان معرّض للطقس أو للخطر.'),
      l('The child has somewhere to sleep, but it is unsafe, leaks, is badly crowded or may soon be lost.', 'L’enfant a un endroit où dormir, mais il est dangereux, prend l’eau, est surpeuplé ou risque d’être bientôt perdu.', 'Tiene dónde dormir, pero el lugar es inseguro, tiene goteras, está muy hacinado o puede perderse pronto.', 'A criança tem onde dormir, mas o lugar é inseguro, tem infiltrações, está muito sobrelotado ou pode perder-se em breve.', 'للطفل مكان ينام فيه، لكنه غير آمن أو يتسرّب إليه الماء أو مكتظ جدًا أو قد يُفقد قريبًا.'),
      l('The home is dry and adequate, though cramped or in need of repair.', 'Le logement est sec et convenable, même s’il est exigu ou a besoin de réparations.', 'La vivienda es seca y adecuada, aunque estrecha o necesitada de reparaciones.', 'A casa é seca e adequada, embora apertada ou a precisar de reparações.', 'المسكن جاف ومقبول، وإن كان ضيقًا أو يحتاج إلى إصلاح.'),
      l('The child lives in a dry, safe and stable home with a proper place to sleep.', 'L’enfant vit dans un logement sec, sûr et stable, avec un vrai endroit où dormir.', 'Vive en una vivienda seca, segura y estable, con un lugar adecuado para dormir.', 'A criança vive numa casa seca, segura e estável, com um lugar próprio para dormir.', 'يعيش الطفل في مسكن جاف وآمن ومستقر، وله مكان لائق للنوم.'),
    ],
    ages: [
      l('See where and with whom the child sleeps, and what dangers are within reach (fire, water, falls).', 'Regardez où et avec qui l’enfant dort, et quels dangers sont à sa portée (feu, eau, chutes).', 'Observe dónde y con quién duerme, y qué peligros tiene a su alcance (fuego, agua, caídas).', 'Veja onde e com quem a criança dorme, e que perigos estão ao seu alcance (fogo, água, quedas).', 'لاحظ أين ينام الطفل ومع من، وما الأخطار التي في متناوله (النار، الماء، السقوط).'),
      l('Ask the child where they sleep and whether they feel safe there at night.', 'Demandez à l’enfant où il dort et s’il s’y sent en sécurité la nuit.', 'Pregunte al niño o niña dónde duerme y si se siente seguro allí por la noche.', 'Pergunte à criança onde dorme e se se sente segura lá à noite.', 'اسأل الطفل أين ينام، وهل يشعر بالأمان هناك ليلًا.'),
      l('Ask whether the young person sometimes sleeps elsewhere (friends, the street, a workplace) and why.', 'Demandez si le jeune dort parfois ailleurs (chez des amis, dans la rue, sur un lieu de travail) et pourquoi.', 'Pregunte si la persona joven duerme a veces en otro sitio (con amigos, en la calle, en un lugar de trabajo) y por qué.', 'Pergunte se o jovem dorme por vezes noutro sítio (com amigos, na rua, num local de trabalho) e porquê.', 'اسأل هل ينام اليافع أحيانًا في مكان آخر (عند أصدقاء، في الشارع، في مكان عمل) ولماذا.'),
    ],
  },
  care: {
    anchors: [
      l('No adult takes care of the child: the child is left alone or looks after themselves.', 'Aucun adulte ne s’occupe de l’enfant : il est laissé seul ou se débrouille seul.', 'Ningún adulto se ocupa del niño o niña: está solo o se cuida por su cuenta.', 'Nenhum adulto cuida da criança: fica sozinha ou cuida de si própria.', 'لا يعتني بالطفل أي شخص بالغ: يُترك وحده أو يعتني بنفسه.'),
      l('An adult is there but gives little attention, or the child’s care often changes hands.', 'Un adulte est là mais accorde peu d’attention, ou la prise en charge de l’enfant change souvent de mains.', 'Hay un adulto, pero presta poca atención, o el cuidado cambia a menudo de manos.', 'Há um adulto presente, mas dá pouca atenção, ou o cuidado da criança muda muitas vezes de mãos.', 'يوجد شخص بالغ لكنه قليل الاهتمام، أو تنتقل رعاية الطفل كثيرًا من شخص إلى آخر.'),
      l('A caring adult looks after the child, with some gaps in attention or supervision.', 'Un adulte bienveillant s’occupe de l’enfant, avec quelques manques d’attention ou de surveillance.', 'Un adulto afectuoso cuida del niño o niña, con algunas carencias de atención o supervisión.', 'Um adulto atento cuida da criança, com algumas falhas de atenção ou de supervisão.', 'يعتني بالطفل شخص بالغ حنون، مع بعض الثغرات في الاهتمام أو الإشراف.'),
      l('The child has at least one adult who is steadily and warmly responsible for them.', 'L’enfant a au moins un adulte qui s’occupe de lui avec constance et affection.', 'Tiene al menos un adulto que se hace cargo de él o ella de forma constante y afectuosa.', 'A criança tem pelo menos um adulto que se ocupa dela com constância e afeto.', 'للطفل شخص بالغ واحد على الأقل يتولى مسؤوليته بثبات ومودّة.'),
    ],
    ages: [
      l('Watch how the caregiver holds, feeds and comforts the child; a young child should not be left for long in another child’s care.', 'Observez comment la personne qui s’en occupe porte, nourrit et console l’enfant ; un jeune enfant ne devrait pas être confié longtemps à un autre enfant.', 'Observe cómo quien lo cuida lo sostiene, lo alimenta y lo consuela; un niño pequeño no debería quedar mucho tiempo al cuidado de otro niño.', 'Observe como o cuidador pega, alimenta e consola a criança; uma criança pequena não deve ficar muito tempo ao cuidado de outra criança.', 'لاحظ كيف يحمل مقدّم الرعاية الطفل ويطعمه ويواسيه؛ لا ينبغي ترك الطفل الصغير طويلًا في رعاية طفل آخر.'),
      l('Ask the child who they go to when they are ill, sad or in trouble.', 'Demandez à l’enfant vers qui il se tourne quand il est malade, triste ou en difficulté.', 'Pregunte al niño o niña a quién acude cuando está enfermo, triste o en apuros.', 'Pergunte à criança a quem recorre quando está doente, triste ou em apuros.', 'اسأل الطفل إلى من يلجأ عندما يمرض أو يحزن أو يقع في مشكلة.'),
      l('Look for an adult who guides and keeps track of the young person, even one who is largely independent.', 'Cherchez un adulte qui guide et suit le jeune, même s’il est en grande partie autonome.', 'Busque un adulto que oriente y siga a la persona joven, aunque sea bastante independiente.', 'Procure um adulto que oriente e acompanhe o jovem, mesmo que seja bastante independente.', 'ابحث عن شخص بالغ يوجّه اليافع ويتابعه، حتى لو كان مستقلًا إلى حد كبير.'),
    ],
  },
  abuse_exploitation: {
    anchors: [
      l('The child is being abused, exploited or made to do harmful work, and no one protects them.', 'L’enfant subit des maltraitances, une exploitation ou un travail nuisible, et personne ne le protège.', 'El niño o niña sufre abusos, explotación o trabajo dañino, y nadie lo protege.', 'A criança sofre abusos, exploração ou trabalho nocivo, e ninguém a protege.', 'يتعرّض الطفل للإساءة أو الاستغلال أو يُجبَر على عمل ضار، ولا أحد يحميه.'),
      l('There are signs or reports of abuse, neglect or exploitation, or the child is clearly at risk.', 'Il y a des signes ou des signalements de maltraitance, de négligence ou d’exploitation, ou l’enfant est clairement en danger.', 'Hay señales o denuncias de abuso, descuido o explotación, o el niño o niña está claramente en riesgo.', 'Há sinais ou denúncias de abuso, negligência ou exploração, ou a criança está claramente em risco.', 'توجد علامات أو بلاغات عن إساءة أو إهمال أو استغلال، أو أن الطفل معرّض للخطر بوضوح.'),
      l('No abuse is seen, but there are worries in the home or community that need watching.', 'Aucune maltraitance n’est constatée, mais il existe des inquiétudes au foyer ou dans la communauté qui demandent une vigilance.', 'No se observa abuso, pero hay preocupaciones en el hogar o la comunidad que requieren vigilancia.', 'Não se vê abuso, mas há preocupações em casa ou na comunidade que é preciso vigiar.', 'لا تُلاحظ إساءة، لكن هناك مخاوف في المنزل أو المجتمع تستدعي المتابعة.'),
      l('The child is safe: no sign of abuse or exploitation, and the adults around them protect them.', 'L’enfant est en sécurité : aucun signe de maltraitance ni d’exploitation, et les adultes qui l’entourent le protègent.', 'El niño o niña está a salvo: ninguna señal de abuso ni explotación, y los adultos de su entorno lo protegen.', 'A criança está segura: nenhum sinal de abuso ou exploração, e os adultos à sua volta protegem-na.', 'الطفل آمن: لا علامات على إساءة أو استغلال، والبالغون من حوله يحمونه.'),
    ],
    ages: [
      l('Look for injuries no one explains, fear of a caregiver and signs of neglect: a young child cannot tell you.', 'Cherchez des blessures que personne n’explique, une peur d’un adulte de la maison et des signes de négligence : un jeune enfant ne peut pas le dire.', 'Busque heridas sin explicación, miedo a un cuidador y señales de descuido: un niño pequeño no puede contarlo.', 'Procure ferimentos que ninguém explica, medo de um cuidador e sinais de negligência: uma criança pequena não o consegue dizer.', 'ابحث عن إصابات لا يفسّرها أحد، وخوف من أحد مقدّمي الرعاية، وعلامات إهمال: الطفل الصغير لا يستطيع أن يخبرك.'),
      l('Speak with the child alone, somewhere safe; ask how they are punished and what work they do.', 'Parlez à l’enfant seul, dans un endroit sûr ; demandez comment il est puni et quel travail il fait.', 'Hable con el niño o niña a solas, en un lugar seguro; pregunte cómo lo castigan y qué trabajo hace.', 'Fale com a criança a sós, num lugar seguro; pergunte como é castigada e que trabalho faz.', 'تحدّث مع الطفل على انفراد في مكان آمن، واسأله كيف يُعاقَب وما العمل الذي يقوم به.'),
      l('Ask about work, sexual exploitation, early marriage, recruitment by armed groups and offers to travel.', 'Interrogez sur le travail, l’exploitation sexuelle, le mariage précoce, le recrutement par des groupes armés et les offres de voyage.', 'Pregunte por el trabajo, la explotación sexual, el matrimonio precoz, el reclutamiento por grupos armados y las ofertas de viaje.', 'Pergunte pelo trabalho, exploração sexual, casamento precoce, recrutamento por grupos armados e ofertas de viagem.', 'اسأل عن العمل، والاستغلال الجنسي، والزواج المبكر، والتجنيد في الجماعات المسلحة، وعروض السفر.'),
    ],
  },
  legal_protection: {
    anchors: [
      l('The child has no birth registration or identity papers, and no way to get legal help when their rights are denied.', 'L’enfant n’a ni acte de naissance ni papiers d’identité, et aucun moyen d’obtenir une aide juridique quand ses droits sont bafoués.', 'No tiene inscripción de nacimiento ni documentos de identidad, ni forma de obtener ayuda legal cuando se le niegan sus derechos.', 'A criança não tem registo de nascimento nem documentos de identidade, nem forma de obter ajuda jurídica quando os seus direitos são negados.', 'ليس للطفل تسجيل ولادة ولا وثائق هوية، ولا سبيل له إلى مساعدة قانونية عندما تُنتهك حقوقه.'),
      l('Papers are missing or disputed, or the child risks losing an inheritance or the right to be cared for.', 'Des papiers manquent ou sont contestés, ou l’enfant risque de perdre un héritage ou son droit à être pris en charge.', 'Faltan documentos o están en disputa, o el niño o niña corre el riesgo de perder una herencia o su derecho a ser cuidado.', 'Faltam documentos ou estão em disputa, ou a criança corre o risco de perder uma herança ou o direito a ser cuidada.', 'بعض الوثائق مفقودة أو متنازع عليها، أو أن الطفل معرّض لخسارة ميراث أو حقه في الرعاية.'),
      l('The child has some documents, or the process is under way; legal help could be found if needed.', 'L’enfant a certains documents, ou la démarche est en cours ; une aide juridique pourrait être trouvée si besoin.', 'Tiene algunos documentos, o el trámite está en marcha; se podría encontrar ayuda legal si hiciera falta.', 'A criança tem alguns documentos, ou o processo está em curso; seria possível encontrar ajuda jurídica se necessário.', 'لدى الطفل بعض الوثائق أو أن الإجراءات جارية، ويمكن إيجاد مساعدة قانونية عند الحاجة.'),
      l('The child is registered, has the documents they need, and their rights (care, inheritance) are protected.', 'L’enfant est enregistré, a les documents nécessaires, et ses droits (prise en charge, héritage) sont protégés.', 'Está inscrito, tiene los documentos que necesita y sus derechos (cuidado, herencia) están protegidos.', 'A criança está registada, tem os documentos de que precisa e os seus direitos (cuidado, herança) estão protegidos.', 'الطفل مسجّل ولديه الوثائق التي يحتاجها، وحقوقه (الرعاية، الميراث) محمية.'),
    ],
    ages: [
      l('Check the birth certificate first: registering is easiest while the child is young.', 'Vérifiez d’abord l’acte de naissance : l’enregistrement est plus facile tant que l’enfant est petit.', 'Compruebe primero el acta de nacimiento: la inscripción es más fácil mientras el niño es pequeño.', 'Verifique primeiro a certidão de nascimento: o registo é mais fácil enquanto a criança é pequena.', 'تحقّق أولًا من شهادة الميلاد: التسجيل أسهل ما دام الطفل صغيرًا.'),
      l('Check the documents school enrolment needs, and any inheritance at stake.', 'Vérifiez les documents exigés pour l’inscription à l’école et tout héritage en jeu.', 'Compruebe los documentos que pide la matrícula escolar y cualquier herencia en juego.', 'Verifique os documentos pedidos para a matrícula escolar e qualquer herança em jogo.', 'تحقّق من الوثائق المطلوبة للتسجيل في المدرسة، ومن أي ميراث معرّض للضياع.'),
      l('Check identity papers, documents needed for work or exams, and any court case involving the young person.', 'Vérifiez les papiers d’identité, les documents exigés pour travailler ou passer des examens, et toute procédure judiciaire concernant le jeune.', 'Compruebe los documentos de identidad, los necesarios para trabajar o presentarse a exámenes, y cualquier proceso judicial que afecte a la persona joven.', 'Verifique os documentos de identidade, os necessários para trabalhar ou fazer exames, e qualquer processo judicial que envolva o jovem.', 'تحقّق من وثائق الهوية، والوثائق اللازمة للعمل أو الامتحانات، وأي قضية أمام المحاكم تخص اليافع.'),
    ],
  },
  wellness: {
    anchors: [
      l('The child is seriously ill most of the time and cannot take part in daily life.', 'L’enfant est gravement malade la plupart du temps et ne peut pas prendre part à la vie quotidienne.', 'El niño o niña está gravemente enfermo casi siempre y no puede participar en la vida diaria.', 'A criança está gravemente doente a maior parte do tempo e não consegue participar na vida diária.', 'الطفل مريض مرضًا شديدًا معظم الوقت ولا يستطيع المشاركة في الحياة اليومية.'),
      l('The child is often ill, or has a condition that is not being treated.', 'L’enfant est souvent malade, ou a un problème de santé qui n’est pas soigné.', 'Se enferma a menudo, o tiene una afección que no se está tratando.', 'A criança adoece muitas vezes, ou tem um problema de saúde que não está a ser tratado.', 'كثيرًا ما يمرض الطفل، أو لديه حالة صحية لا تُعالَج.'),
      l('The child is ill now and then, but is mostly well and able to do daily activities.', 'L’enfant est malade de temps en temps, mais va bien la plupart du temps et peut faire ses activités quotidiennes.', 'Se enferma de vez en cuando, pero casi siempre está bien y puede hacer sus actividades diarias.', 'A criança adoece de vez em quando, mas está bem a maior parte do tempo e consegue fazer as atividades diárias.', 'يمرض الطفل أحيانًا، لكنه بخير في معظم الوقت وقادر على القيام بأنشطته اليومية.'),
      l('The child is healthy and active, and any condition they have is well managed.', 'L’enfant est en bonne santé et actif, et tout problème de santé est bien suivi.', 'Está sano y activo, y cualquier afección que tenga está bien controlada.', 'A criança é saudável e ativa, e qualquer problema de saúde que tenha está bem controlado.', 'الطفل سليم ونشيط، وأي حالة صحية لديه مضبوطة جيدًا.'),
    ],
    ages: [
      l('Ask about fever, diarrhoea and coughs in the last month, and look at the vaccination card.', 'Interrogez sur la fièvre, la diarrhée et la toux du dernier mois, et regardez le carnet de vaccination.', 'Pregunte por fiebre, diarrea y tos en el último mes, y mire la cartilla de vacunación.', 'Pergunte por febre, diarreia e tosse no último mês, e veja o boletim de vacinas.', 'اسأل عن الحمّى والإسهال والسعال خلال الشهر الماضي، واطّلع على بطاقة التطعيم.'),
      l('Ask how many school days the child missed through illness.', 'Demandez combien de jours d’école l’enfant a manqués pour cause de maladie.', 'Pregunte cuántos días de escuela ha perdido por enfermedad.', 'Pergunte quantos dias de escola a criança faltou por doença.', 'اسأل كم يومًا دراسيًا غاب الطفل بسبب المرض.'),
      l('Ask about health worries they may not share at home, including sexual and mental health.', 'Interrogez sur les soucis de santé que le jeune ne confie peut-être pas chez lui, y compris la santé sexuelle et mentale.', 'Pregunte por preocupaciones de salud que quizá no cuente en casa, incluida la salud sexual y mental.', 'Pergunte por preocupações de saúde que talvez não partilhe em casa, incluindo a saúde sexual e mental.', 'اسأل عن هموم صحية قد لا يبوح بها في البيت، ومنها الصحة الجنسية والنفسية.'),
    ],
  },
  health_care_services: {
    anchors: [
      l('The child cannot get health care when they need it.', 'L’enfant ne peut pas obtenir de soins quand il en a besoin.', 'El niño o niña no puede recibir atención de salud cuando la necesita.', 'A criança não consegue ter cuidados de saúde quando precisa.', 'لا يستطيع الطفل الحصول على الرعاية الصحية عندما يحتاج إليها.'),
      l('The child gets health care rarely or late, because of cost, distance or being turned away.', 'L’enfant est soigné rarement ou tardivement, à cause du coût, de la distance ou d’un refus.', 'Recibe atención rara vez o tarde, por el costo, la distancia o porque lo rechazan.', 'A criança recebe cuidados raramente ou tarde, por causa do custo, da distância ou de ser recusada.', 'يحصل الطفل على الرعاية الصحية نادرًا أو متأخرًا، بسبب الكلفة أو البعد أو الرفض.'),
      l('The child is treated when ill, but misses preventive care (vaccines, check-ups).', 'L’enfant est soigné quand il est malade, mais ne reçoit pas de soins préventifs (vaccins, contrôles).', 'Lo atienden cuando está enfermo, pero no recibe atención preventiva (vacunas, controles).', 'A criança é tratada quando está doente, mas não tem cuidados preventivos (vacinas, consultas de rotina).', 'يُعالَج الطفل عند المرض، لكنه لا يحصل على الرعاية الوقائية (التطعيمات، الفحوص الدورية).'),
      l('The child gets treatment and preventive care whenever needed.', 'L’enfant reçoit soins et prévention chaque fois que c’est nécessaire.', 'Recibe tratamiento y atención preventiva siempre que hace falta.', 'A criança recebe tratamento e cuidados preventivos sempre que necessário.', 'يحصل الطفل على العلاج والرعاية الوقائية كلما احتاج إليهما.'),
    ],
    ages: [
      l('Check that vaccinations and growth check-ups are up to date.', 'Vérifiez que les vaccinations et les contrôles de croissance sont à jour.', 'Compruebe que las vacunas y los controles de crecimiento están al día.', 'Verifique se as vacinas e as consultas de crescimento estão em dia.', 'تحقّق من أن التطعيمات وفحوص النمو مكتملة في مواعيدها.'),
      l('Ask where the family goes when the child is ill, and what stopped them last time.', 'Demandez où va la famille quand l’enfant est malade, et ce qui l’en a empêchée la dernière fois.', 'Pregunte adónde acude la familia cuando el niño o niña enferma, y qué se lo impidió la última vez.', 'Pergunte aonde a família vai quando a criança adoece, e o que a impediu da última vez.', 'اسأل إلى أين تذهب الأسرة عندما يمرض الطفل، وما الذي منعها في المرة الأخيرة.'),
      l('Ask whether the young person can go to a health service on their own, and whether it welcomes adolescents.', 'Demandez si le jeune peut aller seul dans un service de santé, et si celui-ci accueille bien les adolescents.', 'Pregunte si la persona joven puede ir sola a un servicio de salud y si allí se atiende bien a adolescentes.', 'Pergunte se o jovem pode ir sozinho a um serviço de saúde, e se este acolhe bem os adolescentes.', 'اسأل هل يستطيع اليافع الذهاب وحده إلى خدمة صحية، وهل تستقبل تلك الخدمة المراهقين بترحاب.'),
    ],
  },
  emotional_health: {
    anchors: [
      l('The child seems hopeless, withdrawn or deeply distressed most of the time.', 'L’enfant paraît désespéré, replié sur lui-même ou très angoissé la plupart du temps.', 'El niño o niña parece sin esperanza, retraído o muy angustiado casi todo el tiempo.', 'A criança parece sem esperança, fechada ou muito angustiada a maior parte do tempo.', 'يبدو الطفل يائسًا أو منطويًا أو في ضيق شديد معظم الوقت.'),
      l('The child is often sad, anxious, angry or afraid, and it gets in the way of daily life.', 'L’enfant est souvent triste, anxieux, en colère ou apeuré, et cela gêne sa vie quotidienne.', 'Está a menudo triste, ansioso, enfadado o con miedo, y eso le afecta en su vida diaria.', 'A criança está muitas vezes triste, ansiosa, zangada ou com medo, e isso prejudica a sua vida diária.', 'كثيرًا ما يكون الطفل حزينًا أو قلقًا أو غاضبًا أو خائفًا، ويعيق ذلك حياته اليومية.'),
      l('The child is sometimes sad or worried, but copes and recovers.', 'L’enfant est parfois triste ou inquiet, mais fait face et s’en remet.', 'A veces está triste o preocupado, pero lo sobrelleva y se recupera.', 'A criança por vezes está triste ou preocupada, mas lida com isso e recupera.', 'يحزن الطفل أو يقلق أحيانًا، لكنه يتأقلم ويستعيد توازنه.'),
      l('The child is mostly content and hopeful, and can manage their feelings.', 'L’enfant est le plus souvent serein et confiant en l’avenir, et sait gérer ses émotions.', 'Casi siempre está contento y con esperanza, y sabe manejar sus emociones.', 'A criança está quase sempre contente e confiante, e sabe gerir as suas emoções.', 'الطفل راضٍ ومتفائل في أغلب الأحيان، ويستطيع التحكم في مشاعره.'),
    ],
    ages: [
      l('Look at play, sleep, eating and clinging: a young child shows distress through behaviour more than words.', 'Observez le jeu, le sommeil, l’appétit et le besoin de s’accrocher : un jeune enfant montre sa détresse par son comportement plus que par des mots.', 'Observe el juego, el sueño, la alimentación y si se aferra a los adultos: un niño pequeño muestra su malestar más con la conducta que con palabras.', 'Observe a brincadeira, o sono, a alimentação e o apego excessivo: uma criança pequena mostra o sofrimento mais pelo comportamento do que por palavras.', 'لاحظ اللعب والنوم والأكل والتعلّق بالكبار: يُظهر الطفل الصغير ضيقه بسلوكه أكثر من كلامه.'),
      l('Let the child show how they feel (drawings, faces); notice nightmares and bedwetting.', 'Laissez l’enfant montrer ce qu’il ressent (dessins, visages) ; soyez attentif aux cauchemars et à l’énurésie.', 'Deje que el niño o niña muestre cómo se siente (dibujos, caras); fíjese en pesadillas y en si moja la cama.', 'Deixe a criança mostrar como se sente (desenhos, caras); repare em pesadelos e em xixi na cama.', 'دع الطفل يُظهر ما يشعر به (رسوم، وجوه تعبيرية)، وانتبه إلى الكوابيس والتبوّل الليلي.'),
      l('Ask about hopes for the future; be alert to self-harm, substance use and talk of not wanting to live.', 'Interrogez sur ses espoirs pour l’avenir ; soyez attentif à l’automutilation, à la consommation de substances et aux propos sur l’envie de ne plus vivre.', 'Pregunte por sus esperanzas para el futuro; esté atento a autolesiones, consumo de sustancias y frases sobre no querer vivir.', 'Pergunte pelas esperanças para o futuro; esteja atento a autolesões, consumo de substâncias e conversas sobre não querer viver.', 'اسأل عن آماله في المستقبل، وانتبه إلى إيذاء النفس وتعاطي المواد والحديث عن عدم الرغبة في العيش.'),
    ],
  },
  social_behaviour: {
    anchors: [
      l('The child is very isolated, or is aggressive or in serious trouble with others.', 'L’enfant est très isolé, ou agressif, ou en grave conflit avec les autres.', 'El niño o niña está muy aislado, o es agresivo o tiene problemas graves con los demás.', 'A criança está muito isolada, ou é agressiva, ou tem problemas graves com os outros.', 'الطفل معزول جدًا، أو عدواني، أو في مشكلات خطيرة مع الآخرين.'),
      l('The child finds it hard to get along with others, and is often in conflict or alone.', 'L’enfant a du mal à s’entendre avec les autres et est souvent en conflit ou seul.', 'Le cuesta llevarse bien con los demás, y a menudo está en conflicto o solo.', 'A criança tem dificuldade em dar-se com os outros, e está muitas vezes em conflito ou sozinha.', 'يجد الطفل صعوبة في الانسجام مع الآخرين، وكثيرًا ما يكون في خلاف أو وحيدًا.'),
      l('The child gets along with others most of the time, with occasional difficulties.', 'L’enfant s’entend avec les autres la plupart du temps, avec quelques difficultés passagères.', 'Se lleva bien con los demás casi siempre, con dificultades ocasionales.', 'A criança dá-se bem com os outros na maior parte do tempo, com dificuldades ocasionais.', 'ينسجم الطفل مع الآخرين في معظم الوقت، مع صعوبات عرضية.'),
      l('The child gets on well with adults and other children, and takes part in community life.', 'L’enfant s’entend bien avec les adultes et les autres enfants, et participe à la vie de la communauté.', 'Se lleva bien con adultos y con otros niños, y participa en la vida de la comunidad.', 'A criança dá-se bem com adultos e outras crianças, e participa na vida da comunidade.', 'يتعامل الطفل جيدًا مع البالغين والأطفال الآخرين، ويشارك في حياة المجتمع.'),
    ],
    ages: [
      l('Watch how the child plays with others and reacts to familiar and unfamiliar adults.', 'Observez comment l’enfant joue avec les autres et réagit aux adultes familiers et inconnus.', 'Observe cómo juega con otros y cómo reacciona ante adultos conocidos y desconocidos.', 'Observe como a criança brinca com as outras e reage a adultos conhecidos e desconhecidos.', 'لاحظ كيف يلعب الطفل مع غيره وكيف يتفاعل مع البالغين المألوفين والغرباء.'),
      l('Ask about friends, fights, and how the child behaves at school and at home.', 'Interrogez sur les amis, les bagarres et le comportement de l’enfant à l’école et à la maison.', 'Pregunte por amigos, peleas y cómo se comporta en la escuela y en casa.', 'Pergunte pelos amigos, pelas brigas e pelo comportamento da criança na escola e em casa.', 'اسأل عن الأصدقاء والشجارات وسلوك الطفل في المدرسة والبيت.'),
      l('Ask about friends, groups they belong to, and any trouble with the police or the law.', 'Interrogez sur les amis, les groupes dont le jeune fait partie et d’éventuels ennuis avec la police ou la justice.', 'Pregunte por amigos, grupos a los que pertenece y cualquier problema con la policía o la justicia.', 'Pergunte pelos amigos, grupos a que pertence e eventuais problemas com a polícia ou a justiça.', 'اسأل عن الأصدقاء والمجموعات التي ينتمي إليها اليافع، وأي مشكلات مع الشرطة أو القضاء.'),
    ],
  },
  performance: {
    anchors: [
      l('The child is far behind in learning, or in development for their age, and gets no help.', 'L’enfant a un grand retard d’apprentissage, ou de développement pour son âge, et ne reçoit aucune aide.', 'El niño o niña va muy atrasado en el aprendizaje, o en el desarrollo para su edad, y no recibe ayuda.', 'A criança está muito atrasada na aprendizagem, ou no desenvolvimento para a idade, e não recebe ajuda.', 'الطفل متأخر كثيرًا في التعلّم أو في النمو مقارنة بعمره، ولا يتلقى أي مساعدة.'),
      l('The child is behind or struggling, and the support they get is not enough.', 'L’enfant est en retard ou en difficulté, et le soutien qu’il reçoit ne suffit pas.', 'Va atrasado o le cuesta, y el apoyo que recibe no basta.', 'A criança está atrasada ou com dificuldades, e o apoio que recebe não chega.', 'الطفل متأخر أو يواجه صعوبة، والدعم الذي يتلقاه غير كافٍ.'),
      l('The child is learning or developing at about the expected level, with some difficulties.', 'L’enfant apprend ou se développe à peu près au niveau attendu, avec quelques difficultés.', 'Aprende o se desarrolla más o menos al nivel esperado, con algunas dificultades.', 'A criança aprende ou desenvolve-se mais ou menos ao nível esperado, com algumas dificuldades.', 'يتعلّم الطفل أو ينمو بما يقارب المستوى المتوقع، مع بعض الصعوبات.'),
      l('The child is learning or developing well for their age, or better.', 'L’enfant apprend ou se développe bien pour son âge, voire mieux.', 'Aprende o se desarrolla bien para su edad, o incluso mejor.', 'A criança aprende ou desenvolve-se bem para a idade, ou ainda melhor.', 'يتعلّم الطفل أو ينمو جيدًا بالنسبة لعمره، أو أفضل من ذلك.'),
    ],
    ages: [
      l('Here performance means developmental milestones: walking, talking, playing and understanding.', 'Ici, les résultats correspondent aux étapes du développement : marcher, parler, jouer et comprendre.', 'Aquí el rendimiento son los hitos del desarrollo: caminar, hablar, jugar y comprender.', 'Aqui o desempenho são as etapas do desenvolvimento: andar, falar, brincar e compreender.', 'الأداء هنا يعني مراحل النمو: المشي والكلام واللعب والفهم.'),
      l('Ask about reading, counting and school reports; ask the teacher where you can.', 'Interrogez sur la lecture, le calcul et les bulletins scolaires ; demandez à l’enseignant quand c’est possible.', 'Pregunte por la lectura, el cálculo y las notas escolares; consulte al docente cuando sea posible.', 'Pergunte pela leitura, pelas contas e pelas notas escolares; fale com o professor quando possível.', 'اسأل عن القراءة والحساب والشهادات المدرسية، واسأل المعلّم حيثما أمكن.'),
      l('Count school results, or progress in vocational training or an apprenticeship.', 'Prenez en compte les résultats scolaires, ou les progrès en formation professionnelle ou en apprentissage.', 'Tenga en cuenta las notas escolares, o el progreso en formación profesional o en un aprendizaje de oficio.', 'Tenha em conta as notas escolares, ou o progresso na formação profissional ou num ofício.', 'احتسب النتائج المدرسية، أو التقدّم في التدريب المهني أو التلمذة الحرفية.'),
    ],
  },
  education_work: {
    anchors: [
      l('The child is not in school, training or suitable work, and nothing is planned.', 'L’enfant n’est ni à l’école, ni en formation, ni dans un travail adapté, et rien n’est prévu.', 'El niño o niña no va a la escuela, ni a una formación, ni tiene un trabajo adecuado, y no hay nada previsto.', 'A criança não está na escola, em formação nem num trabalho adequado, e nada está previsto.', 'الطفل ليس في مدرسة ولا تدريب ولا عمل مناسب، ولا يوجد ما هو مخطط له.'),
      l('The child is enrolled but rarely attends, or does work that harms them or keeps them from school.', 'L’enfant est inscrit mais va rarement en classe, ou fait un travail qui lui nuit ou l’empêche d’aller à l’école.', 'Está matriculado pero casi no asiste, o hace un trabajo que le hace daño o le impide ir a la escuela.', 'A criança está matriculada mas raramente vai, ou faz um trabalho que a prejudica ou a impede de ir à escola.', 'الطفل مسجّل لكنه نادرًا ما يحضر، أو يقوم بعمل يضرّه أو يمنعه من الذهاب إلى المدرسة.'),
      l('The child attends school or training most of the time, with some absences.', 'L’enfant va à l’école ou en formation la plupart du temps, avec quelques absences.', 'Asiste a la escuela o a la formación casi siempre, con algunas faltas.', 'A criança vai à escola ou à formação na maior parte do tempo, com algumas faltas.', 'يحضر الطفل المدرسة أو التدريب معظم الوقت، مع بعض الغياب.'),
      l('The child regularly attends school, training or suitable work, and takes an active part.', 'L’enfant va régulièrement à l’école, en formation ou dans un travail adapté, et y participe activement.', 'Asiste con regularidad a la escuela, a la formación o a un trabajo adecuado, y participa activamente.', 'A criança frequenta regularmente a escola, a formação ou um trabalho adequado, e participa ativamente.', 'يحضر الطفل المدرسة أو التدريب أو عملًا مناسبًا بانتظام، ويشارك فيه بنشاط.'),
    ],
    ages: [
      l('Think of early learning: a caregiver who plays and talks with the child, or a pre-school group.', 'Pensez à l’éveil : une personne qui joue et parle avec l’enfant, ou un groupe préscolaire.', 'Piense en el aprendizaje temprano: alguien que juega y habla con el niño, o un grupo preescolar.', 'Pense na aprendizagem precoce: um cuidador que brinca e fala com a criança, ou um grupo pré-escolar.', 'فكّر في التعلّم المبكر: مقدّم رعاية يلعب مع الطفل ويحادثه، أو مجموعة في مرحلة ما قبل المدرسة.'),
      l('The child should be in school: ask about attendance and what keeps them away.', 'L’enfant devrait être scolarisé : interrogez sur l’assiduité et sur ce qui l’éloigne de l’école.', 'El niño o niña debería estar escolarizado: pregunte por la asistencia y por lo que le impide ir.', 'A criança deve estar na escola: pergunte pela assiduidade e pelo que a afasta.', 'ينبغي أن يكون الطفل في المدرسة: اسأل عن انتظام حضوره وعمّا يبعده عنها.'),
      l('School, vocational training or safe work suited to their age all count; harmful or dangerous work does not.', 'L’école, la formation professionnelle ou un travail sûr et adapté à l’âge comptent tous ; un travail nuisible ou dangereux ne compte pas.', 'Cuentan la escuela, la formación profesional o un trabajo seguro y adecuado a su edad; un trabajo dañino o peligroso no cuenta.', 'Contam a escola, a formação profissional ou um trabalho seguro e adequado à idade; um trabalho nocivo ou perigoso não conta.', 'تُحتسب المدرسة أو التدريب المهني أو العمل الآمن المناسب للعمر؛ أما العمل الضار أو الخطِر فلا يُحتسب.'),
    ],
  },
};

const bands = ['under5', 'age5to12', 'age13to17'] as const;
const shippedCsi = shippedTemplates.find((t) => t.key === 'csi')!;
const reintegrationOnly = new Set(['reintegration']);

/** The six standard domains as shipped in version 1, each factor with its score guide (exported for tests). */
export const anchoredStandardDomains = shippedCsi.definition.domains
  .filter((d) => !reintegrationOnly.has(d.id))
  .map((d) => ({
    ...d,
    questions: d.questions.map((q) => {
      const g = guide[q.id];
      if (!g) throw new Error(`no guide for ${q.id}`);
      return { ...q, anchors: g.anchors, ageGuidance: bands.map((band, i) => ({ band, text: g.ages[i] })) };
    }),
  }));
const standard = anchoredStandardDomains;
const standardDomainIds = standard.map((d) => d.id);
const standardFactorIds = standard.flatMap((d) => d.questions.map((q) => q.id));
const additionsTitle = l('Office additions', 'Ajouts du bureau', 'Añadidos de la oficina', 'Acréscimos do escritório', 'إضافات المكتب');

const sqlText = (value: unknown): string => `'${(typeof value === 'string' ? value : JSON.stringify(value)).replace(/'/g, "''")}'`;
const sqlList = (ids: string[]): string => ids.map(sqlText).join(', ');

export default {
  version: 21,
  name: 'csi_guide',
  up(db) {
    // Parts of the new domain list, in order: 0 the standard domains; 1 questions an office had put
    // inside them (as one domain of its own); 2 the office's own domains, without standard factors.
    db.exec(`
      WITH latest AS (
        SELECT version, title, definition FROM assessment_templates WHERE key = 'csi' ORDER BY version DESC LIMIT 1
      ),
      parts (part, position, domain) AS (
        SELECT 0, key, value FROM json_each(${sqlText(standard)})
        UNION ALL
        SELECT 1, 0, json_object('id', 'office_additions', 'title', json(${sqlText(additionsTitle)}),
                                 'questions', json_group_array(json(q.value) ORDER BY d.key, q.key))
          FROM latest, json_each(latest.definition, '$.domains') d, json_each(d.value, '$.questions') q
         WHERE json_extract(d.value, '$.id') IN (${sqlList(standardDomainIds)})
           AND json_extract(q.value, '$.id') NOT IN (${sqlList(standardFactorIds)})
        HAVING count(*) > 0
        UNION ALL
        SELECT 2, d.key, json_set(d.value, '$.questions', json((
                 SELECT json_group_array(json(q.value) ORDER BY q.key) FROM json_each(d.value, '$.questions') q
                  WHERE json_extract(q.value, '$.id') NOT IN (${sqlList(standardFactorIds)}))))
          FROM latest, json_each(latest.definition, '$.domains') d
         WHERE json_extract(d.value, '$.id') NOT IN (${sqlList(standardDomainIds)})
           AND EXISTS (SELECT 1 FROM json_each(d.value, '$.questions') q
                        WHERE json_extract(q.value, '$.id') NOT IN (${sqlList(standardFactorIds)}))
      )
      INSERT INTO assessment_templates (key, version, kind, title, definition, created_at, created_by)
      SELECT 'csi', latest.version + 1, 'wellbeing', latest.title,
             json_object(
               'scaleLabels', json(${sqlText(shippedCsi.definition.scaleLabels)}),
               'childViewsRequired', json(CASE WHEN json_extract(latest.definition, '$.childViewsRequired') THEN 'true' ELSE 'false' END),
               'domains', json((SELECT json_group_array(json(domain) ORDER BY part, position) FROM parts))),
             strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NULL
        FROM latest;
    `);
  },
} satisfies Migration;
