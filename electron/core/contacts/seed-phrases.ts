// Node-only. What workers, children and families say about contacts and reunification, in each
// language, for the generator. Short, plausible, and never a real person's words.
import type { Language } from '../../../shared/i18n/languages';

export interface SeedPhrases {
  relations: string[];
  childFeedback: string[];
  familyFeedback: string[];
  observations: string[];
  concerns: string[];
  purposes: string[];
  refusalReasons: string[];
  childViews: string[];
  childChoices: string[];
  packageItems: string[];
  providers: string[];
  places: string[];
}

export const seedPhrases: Record<Language, SeedPhrases> = {
  en: {
    relations: ['mother', 'father', 'grandmother', 'aunt', 'uncle', 'older sister'],
    childFeedback: ['I was happy to hear my mother’s voice.', 'I want to go home before school starts.', 'I was shy at first but then we laughed.', 'I miss my little brother.'],
    familyFeedback: ['The family is relieved and asks when she can come home.', 'The grandmother says the house is ready.', 'The father wants to be sure the school fees are covered.'],
    observations: ['Warm greeting; the child sat close to the mother.', 'The child played with the siblings without prompting.', 'The home is clean; a sleeping place has been prepared.'],
    concerns: ['The stepfather was absent and did not answer calls.', 'Food is short until the harvest.', 'Neighbours still talk about why the child left.'],
    purposes: ['First contact since the family was traced.', 'Prepare the next visit with the family.', 'Let the child see the home again.'],
    refusalReasons: ['The household says it cannot feed another child this season.', 'The family fears what neighbours will say.'],
    childViews: ['I still want to see my mother, even if I cannot live there yet.', 'I am afraid of my uncle.'],
    childChoices: ['She chose her aunt to come with her and to wear her new yellow dress.', 'He asked to travel on a Saturday so his friends could say goodbye.'],
    packageItems: ['Mattress', 'Blanket', 'School uniform', 'Exercise books', 'Maize flour (10 kg)', 'Cooking pot'],
    providers: ['Layibi Primary School', 'Gulu Health Centre IV', 'Sub-county registration office'],
    places: ['Family home', 'Sub-county office', 'Transit centre visiting room'],
  },
  fr: {
    relations: ['mère', 'père', 'grand-mère', 'tante', 'oncle', 'grande sœur'],
    childFeedback: ['J’étais content d’entendre la voix de ma mère.', 'Je veux rentrer avant la rentrée.', 'J’étais timide au début, puis on a ri.', 'Mon petit frère me manque.'],
    familyFeedback: ['La famille est soulagée et demande quand elle pourra rentrer.', 'La grand-mère dit que la maison est prête.', 'Le père veut être sûr que les frais de scolarité seront couverts.'],
    observations: ['Accueil chaleureux ; l’enfant s’est assis près de sa mère.', 'L’enfant a joué avec ses frères et sœurs spontanément.', 'La maison est propre ; un coin pour dormir a été préparé.'],
    concerns: ['Le beau-père était absent et ne répond pas au téléphone.', 'La nourriture manque jusqu’à la récolte.', 'Les voisins parlent encore du départ de l’enfant.'],
    purposes: ['Premier contact depuis la recherche de la famille.', 'Préparer la prochaine visite avec la famille.', 'Permettre à l’enfant de revoir la maison.'],
    refusalReasons: ['Le ménage dit ne pas pouvoir nourrir un enfant de plus cette saison.', 'La famille craint ce que diront les voisins.'],
    childViews: ['Je veux quand même voir ma mère, même si je ne peux pas encore y vivre.', 'J’ai peur de mon oncle.'],
    childChoices: ['Elle a choisi que sa tante l’accompagne et de porter sa nouvelle robe jaune.', 'Il a demandé à partir un samedi pour dire au revoir à ses amis.'],
    packageItems: ['Matelas', 'Couverture', 'Uniforme scolaire', 'Cahiers', 'Farine de maïs (10 kg)', 'Marmite'],
    providers: ['École primaire de Kamenge', 'Centre de santé de Ngozi', 'Bureau de l’état civil de la commune'],
    places: ['Domicile familial', 'Bureau de la commune', 'Salle de visite du centre de transit'],
  },
  es: {
    relations: ['madre', 'padre', 'abuela', 'tía', 'tío', 'hermana mayor'],
    childFeedback: ['Me alegró oír la voz de mi mamá.', 'Quiero volver a casa antes de que empiecen las clases.', 'Al principio me dio vergüenza, pero luego nos reímos.', 'Extraño a mi hermanito.'],
    familyFeedback: ['La familia está aliviada y pregunta cuándo podrá volver.', 'La abuela dice que la casa está lista.', 'El padre quiere asegurarse de que se cubran los gastos escolares.'],
    observations: ['Saludo cálido; la niña se sentó junto a su madre.', 'El niño jugó con sus hermanos sin que nadie se lo pidiera.', 'La casa está limpia; se preparó un lugar para dormir.'],
    concerns: ['El padrastro no estuvo y no contesta el teléfono.', 'Falta comida hasta la cosecha.', 'Los vecinos siguen hablando de por qué se fue.'],
    purposes: ['Primer contacto desde que se localizó a la familia.', 'Preparar la próxima visita con la familia.', 'Que el niño vuelva a ver su casa.'],
    refusalReasons: ['El hogar dice que no puede alimentar a otro niño esta temporada.', 'La familia teme lo que dirán los vecinos.'],
    childViews: ['Igual quiero ver a mi mamá, aunque todavía no pueda vivir allí.', 'Le tengo miedo a mi tío.'],
    childChoices: ['Eligió que su tía la acompañara y ponerse su vestido amarillo nuevo.', 'Pidió viajar un sábado para despedirse de sus amigos.'],
    packageItems: ['Colchón', 'Cobija', 'Uniforme escolar', 'Cuadernos', 'Harina de maíz (10 kg)', 'Olla'],
    providers: ['Escuela Rural Mixta El Progreso', 'Centro de Salud de Cobán', 'Registro Nacional de las Personas'],
    places: ['Casa de la familia', 'Oficina municipal', 'Sala de visitas del albergue'],
  },
  pt: {
    relations: ['mãe', 'pai', 'avó', 'tia', 'tio', 'irmã mais velha'],
    childFeedback: ['Fiquei feliz por ouvir a voz da minha mãe.', 'Quero voltar para casa antes de as aulas começarem.', 'No início tive vergonha, mas depois rimos.', 'Tenho saudades do meu irmão mais novo.'],
    familyFeedback: ['A família está aliviada e pergunta quando ela pode voltar.', 'A avó diz que a casa está pronta.', 'O pai quer ter a certeza de que as propinas estão pagas.'],
    observations: ['Receção calorosa; a criança sentou-se perto da mãe.', 'A criança brincou com os irmãos sem ser preciso pedir.', 'A casa está limpa; foi preparado um lugar para dormir.'],
    concerns: ['O padrasto esteve ausente e não atende o telefone.', 'Falta comida até à colheita.', 'Os vizinhos ainda falam sobre a saída da criança.'],
    purposes: ['Primeiro contacto desde que a família foi localizada.', 'Preparar a próxima visita com a família.', 'Deixar a criança voltar a ver a casa.'],
    refusalReasons: ['O agregado diz que não consegue alimentar mais uma criança nesta época.', 'A família teme o que os vizinhos vão dizer.'],
    childViews: ['Ainda quero ver a minha mãe, mesmo que ainda não possa viver lá.', 'Tenho medo do meu tio.'],
    childChoices: ['Escolheu que a tia a acompanhasse e usar o vestido amarelo novo.', 'Pediu para viajar num sábado para se despedir dos amigos.'],
    packageItems: ['Colchão', 'Cobertor', 'Uniforme escolar', 'Cadernos', 'Farinha de milho (10 kg)', 'Panela'],
    providers: ['Escola Primária Completa de Maxaquene', 'Centro de Saúde de Beira', 'Conservatória do Registo Civil'],
    places: ['Casa da família', 'Secretaria do bairro', 'Sala de visitas do centro de trânsito'],
  },
  ar: {
    relations: ['الأم', 'الأب', 'الجدة', 'الخالة', 'العم', 'الأخت الكبرى'],
    childFeedback: ['فرحت عندما سمعت صوت أمي.', 'أريد أن أعود إلى البيت قبل بداية المدرسة.', 'كنت خجولًا في البداية ثم ضحكنا.', 'أشتاق إلى أخي الصغير.'],
    familyFeedback: ['الأسرة مرتاحة وتسأل متى يمكن أن تعود.', 'تقول الجدة إن البيت جاهز.', 'يريد الأب التأكد من تغطية رسوم المدرسة.'],
    observations: ['استقبال دافئ؛ جلس الطفل قرب أمه.', 'لعب الطفل مع إخوته من تلقاء نفسه.', 'البيت نظيف وتم تجهيز مكان للنوم.'],
    concerns: ['زوج الأم كان غائبًا ولا يرد على الهاتف.', 'الطعام قليل حتى موسم الحصاد.', 'ما زال الجيران يتحدثون عن سبب مغادرة الطفل.'],
    purposes: ['أول تواصل منذ العثور على الأسرة.', 'التحضير للزيارة القادمة مع الأسرة.', 'أن يرى الطفل البيت من جديد.'],
    refusalReasons: ['تقول الأسرة إنها لا تستطيع إطعام طفل آخر هذا الموسم.', 'تخشى الأسرة كلام الجيران.'],
    childViews: ['ما زلت أريد أن أرى أمي حتى لو لم أستطع العيش هناك بعد.', 'أخاف من عمي.'],
    childChoices: ['اختارت أن ترافقها خالتها وأن ترتدي فستانها الأصفر الجديد.', 'طلب أن يسافر يوم السبت ليودع أصدقاءه.'],
    packageItems: ['فرشة', 'بطانية', 'زي مدرسي', 'دفاتر', 'دقيق ذرة (10 كغ)', 'قدر طبخ'],
    providers: ['مدرسة الحي الابتدائية', 'المركز الصحي', 'مكتب السجل المدني'],
    places: ['بيت الأسرة', 'مكتب المحلية', 'غرفة الزيارة في مركز العبور'],
  },
};
