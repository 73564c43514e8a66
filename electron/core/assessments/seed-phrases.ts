// Node-only. Short texts the generator writes into stage-1 records (tracing, assessments, safety,
// BID), in each language, as a district social worker would write them.
import type { Language } from '../../../shared/i18n/languages';

export interface StageOnePhrases {
  relations: string[];
  tracingNotes: string[];
  assessmentNotes: string[];
  childViews: string[];
  riskDescriptions: string[];
  mitigations: string[];
  ifHarmed: string;
  ifBreakdown: string;
  emergencyRoute: string;
  panelRoles: string[];
  memberViews: string[];
  bidReasons: string[];
}

export const stageOnePhrases: Record<Language, StageOnePhrases> = {
  en: {
    relations: ['mother', 'father', 'grandmother', 'aunt', 'uncle', 'older sister'],
    tracingNotes: ['The child named the village and a church near home.', 'A neighbour recognised the photo and gave directions.', 'The local council chair knows the family.'],
    assessmentNotes: ['Discussed with the caregiver and the child separately.', 'Needs follow-up at the next visit.', 'The family is willing but worried about school fees.'],
    childViews: ['I want to go home to my grandmother.', 'I miss my brothers; I want to go back if there is no beating.', 'I want to go to school near home.'],
    riskDescriptions: ['Harsh punishment at home in the past.', 'Neighbours call the child names about the time on the street.', 'Not enough food in the dry season.'],
    mitigations: ['Positive parenting sessions with the caregivers.', 'Community dialogue with the local leaders.', 'Referral for household economic support.'],
    ifHarmed: 'Go to the aunt next to the church, or the teacher; call the child helpline 116.',
    ifBreakdown: 'Call the social worker; stay with the grandmother until the worker comes.',
    emergencyRoute: 'Aunt → police child and family desk → district social welfare office.',
    panelRoles: ['Probation officer', 'Psychologist', 'Community development officer', 'Teacher'],
    memberViews: ['The family is ready with support.', 'The child is attached to the grandmother.', 'Monitoring visits are needed in the first months.'],
    bidReasons: ['The family is assessed as safe with a safety plan, and the child wishes to return.', 'Kinship care with the aunt keeps the child close to home and siblings.'],
  },
  fr: {
    relations: ['mère', 'père', 'grand-mère', 'tante', 'oncle', 'sœur aînée'],
    tracingNotes: ['L’enfant a cité le village et une église près de la maison.', 'Un voisin a reconnu la photo et indiqué le chemin.', 'Le chef de quartier connaît la famille.'],
    assessmentNotes: ['Entretien séparé avec la personne qui s’occupe de l’enfant et avec l’enfant.', 'À revoir lors de la prochaine visite.', 'La famille est prête mais s’inquiète des frais de scolarité.'],
    childViews: ['Je veux rentrer chez ma grand-mère.', 'Mes frères me manquent ; je veux rentrer s’il n’y a plus de coups.', 'Je veux aller à l’école près de chez moi.'],
    riskDescriptions: ['Punitions sévères à la maison par le passé.', 'Les voisins insultent l’enfant à cause de la vie dans la rue.', 'Pas assez de nourriture pendant la saison sèche.'],
    mitigations: ['Séances de parentalité positive avec les parents.', 'Dialogue communautaire avec les responsables locaux.', 'Orientation vers un soutien économique du foyer.'],
    ifHarmed: 'Aller chez la tante à côté de l’église, ou chez l’enseignant ; appeler la ligne d’écoute 116.',
    ifBreakdown: 'Appeler le travailleur social ; rester chez la grand-mère jusqu’à son arrivée.',
    emergencyRoute: 'Tante → brigade des mineurs → service social du district.',
    panelRoles: ['Agent de probation', 'Psychologue', 'Agent de développement communautaire', 'Enseignant'],
    memberViews: ['La famille est prête avec un accompagnement.', 'L’enfant est attaché à sa grand-mère.', 'Des visites de suivi sont nécessaires les premiers mois.'],
    bidReasons: ['La famille est jugée sûre avec un plan de sécurité et l’enfant souhaite rentrer.', 'La prise en charge par la tante garde l’enfant près de chez lui et de sa fratrie.'],
  },
  es: {
    relations: ['madre', 'padre', 'abuela', 'tía', 'tío', 'hermana mayor'],
    tracingNotes: ['El niño nombró el pueblo y una iglesia cerca de su casa.', 'Una vecina reconoció la foto e indicó el camino.', 'El presidente de la junta vecinal conoce a la familia.'],
    assessmentNotes: ['Se habló por separado con la cuidadora y con el niño.', 'Hay que retomarlo en la próxima visita.', 'La familia está dispuesta pero le preocupan los gastos escolares.'],
    childViews: ['Quiero volver con mi abuela.', 'Extraño a mis hermanos; quiero volver si ya no me pegan.', 'Quiero ir a la escuela cerca de mi casa.'],
    riskDescriptions: ['Castigos severos en casa en el pasado.', 'Los vecinos insultan al niño por el tiempo que vivió en la calle.', 'No hay suficiente comida en la temporada seca.'],
    mitigations: ['Sesiones de crianza positiva con los cuidadores.', 'Diálogo comunitario con los líderes locales.', 'Derivación a apoyo económico para el hogar.'],
    ifHarmed: 'Ir con la tía junto a la iglesia o con la maestra; llamar a la línea de ayuda 116.',
    ifBreakdown: 'Llamar a la trabajadora social; quedarse con la abuela hasta que llegue.',
    emergencyRoute: 'Tía → policía de menores → oficina de bienestar social del distrito.',
    panelRoles: ['Oficial de libertad vigilada', 'Psicóloga', 'Promotor comunitario', 'Maestra'],
    memberViews: ['La familia está preparada con apoyo.', 'El niño tiene un vínculo fuerte con la abuela.', 'Se necesitan visitas de seguimiento los primeros meses.'],
    bidReasons: ['La familia se considera segura con un plan de seguridad y el niño desea volver.', 'El cuidado por la tía mantiene al niño cerca de su hogar y de sus hermanos.'],
  },
  pt: {
    relations: ['mãe', 'pai', 'avó', 'tia', 'tio', 'irmã mais velha'],
    tracingNotes: ['A criança referiu a aldeia e uma igreja perto de casa.', 'Um vizinho reconheceu a fotografia e indicou o caminho.', 'O secretário do bairro conhece a família.'],
    assessmentNotes: ['Conversa separada com a cuidadora e com a criança.', 'A retomar na próxima visita.', 'A família está disponível mas preocupada com as propinas escolares.'],
    childViews: ['Quero voltar para casa da minha avó.', 'Tenho saudades dos meus irmãos; quero voltar se não me baterem.', 'Quero ir à escola perto de casa.'],
    riskDescriptions: ['Castigos severos em casa no passado.', 'Os vizinhos insultam a criança por causa do tempo na rua.', 'Falta de comida na época seca.'],
    mitigations: ['Sessões de parentalidade positiva com os cuidadores.', 'Diálogo comunitário com os líderes locais.', 'Encaminhamento para apoio económico ao agregado.'],
    ifHarmed: 'Ir ter com a tia ao lado da igreja, ou com o professor; ligar para a linha de apoio 116.',
    ifBreakdown: 'Ligar à assistente social; ficar com a avó até ela chegar.',
    emergencyRoute: 'Tia → esquadra de menores → serviço de ação social do distrito.',
    panelRoles: ['Técnico de reinserção', 'Psicóloga', 'Agente de desenvolvimento comunitário', 'Professor'],
    memberViews: ['A família está preparada com apoio.', 'A criança é muito ligada à avó.', 'São precisas visitas de acompanhamento nos primeiros meses.'],
    bidReasons: ['A família é considerada segura com um plano de segurança e a criança deseja voltar.', 'O acolhimento pela tia mantém a criança perto de casa e dos irmãos.'],
  },
  ar: {
    relations: ['الأم', 'الأب', 'الجدة', 'العمة', 'العم', 'الأخت الكبرى'],
    tracingNotes: ['ذكر الطفل اسم القرية وكنيسة قرب البيت.', 'تعرّف أحد الجيران على الصورة ودلّنا على الطريق.', 'رئيس اللجنة المحلية يعرف الأسرة.'],
    assessmentNotes: ['جرت مقابلة منفصلة مع مقدمة الرعاية ومع الطفل.', 'يُتابَع في الزيارة القادمة.', 'الأسرة مستعدة لكنها قلقة بشأن الرسوم المدرسية.'],
    childViews: ['أريد أن أعود إلى جدتي.', 'أشتاق إلى إخوتي؛ أريد العودة إذا لم يعد هناك ضرب.', 'أريد أن أذهب إلى المدرسة قرب البيت.'],
    riskDescriptions: ['عقاب قاسٍ في البيت في الماضي.', 'الجيران يشتمون الطفل بسبب الفترة التي قضاها في الشارع.', 'نقص الطعام في موسم الجفاف.'],
    mitigations: ['جلسات تربية إيجابية مع مقدمي الرعاية.', 'حوار مجتمعي مع القادة المحليين.', 'إحالة إلى دعم اقتصادي للأسرة.'],
    ifHarmed: 'اذهب إلى العمة بجوار الكنيسة أو إلى المعلم؛ اتصل بخط نجدة الطفل 116.',
    ifBreakdown: 'اتصل بالأخصائي الاجتماعي؛ ابقَ عند الجدة حتى يصل.',
    emergencyRoute: 'العمة ← شرطة الأسرة والطفل ← مكتب الرعاية الاجتماعية في المنطقة.',
    panelRoles: ['ضابط المراقبة', 'أخصائية نفسية', 'مسؤول التنمية المجتمعية', 'معلم'],
    memberViews: ['الأسرة مستعدة مع الدعم.', 'الطفل متعلق بجدته.', 'تلزم زيارات متابعة في الأشهر الأولى.'],
    bidReasons: ['تُعد الأسرة آمنة مع خطة سلامة، والطفل يرغب في العودة.', 'رعاية العمة تُبقي الطفل قريبًا من بيته وإخوته.'],
  },
};
