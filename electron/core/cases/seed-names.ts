// Node-only. Name pools for the generator, in each language's naming tradition, with accents and
// scripts as people write them (the search and duplicate check must cope with all of them).
import type { Language } from '../../../shared/i18n/languages';

export const namePools: Record<Language, { female: string[]; male: string[]; family: string[]; places: string[] }> = {
  en: {
    female: ['Grace', 'Mercy', 'Faith', 'Esther', 'Ruth', 'Joy', 'Brenda', 'Sharon', 'Patience', 'Harriet', 'Agnes', 'Florence'],
    male: ['Joseph', 'Samuel', 'David', 'Moses', 'Isaac', 'Brian', 'Denis', 'Emmanuel', 'Peter', 'Ronald', 'Simon', 'Geoffrey'],
    family: ['Okello', 'Achieng', 'Mwangi', 'Nakato', 'Ouma', 'Kamau', 'Atieno', 'Ssempala', 'Banda', 'Phiri', 'Mensah', 'Owusu'],
    places: ['Gulu', 'Lira', 'Kitgum', 'Arua', 'Mbale', 'Kisumu', 'Nakuru', 'Lilongwe', 'Kumasi', 'Tamale'],
  },
  fr: {
    female: ['Amélie', 'Chloé', 'Aïcha', 'Fatoumata', 'Mariam', 'Élodie', 'Béatrice', 'Hélène', 'Josiane', 'Clémence', 'Noëlle', 'Aminata'],
    male: ['Jérôme', 'François', 'Théo', 'Mamadou', 'Ousmane', 'Cédric', 'Désiré', 'Étienne', 'Noël', 'Joël', 'Gaël', 'Moïse'],
    family: ['Ndiaye', 'Traoré', 'Koné', 'Diallo', 'Nduwimana', 'Habimana', 'Mukamana', 'Ouédraogo', 'Kaboré', 'Sawadogo', 'Lefèvre', 'Gagné'],
    places: ['Bujumbura', 'Gitega', 'Ngozi', 'Bamako', 'Mopti', 'Ouagadougou', 'Bobo-Dioulasso', 'Dakar', 'Thiès', 'Goma'],
  },
  es: {
    female: ['María José', 'Lucía', 'Sofía', 'Valentina', 'Ximena', 'Camila', 'Inés', 'Begoña', 'Guadalupe', 'Renata', 'Daniela', 'Araceli'],
    male: ['José Luis', 'Sebastián', 'Matías', 'Andrés', 'Joaquín', 'Julián', 'Nicolás', 'Tomás', 'Rubén', 'Iñaki', 'Martín', 'Álvaro'],
    family: ['García', 'Hernández', 'López', 'Martínez', 'Pérez', 'Gómez', 'Rodríguez', 'Sánchez', 'Ramírez', 'Muñoz', 'Núñez', 'Ibáñez'],
    places: ['Tegucigalpa', 'San Pedro Sula', 'Quetzaltenango', 'Cobán', 'Tapachula', 'Ciudad Juárez', 'Cúcuta', 'Medellín', 'Cuzco', 'Potosí'],
  },
  pt: {
    female: ['Ana Luísa', 'Conceição', 'Fátima', 'Graça', 'Joana', 'Letícia', 'Márcia', 'Natália', 'Tânia', 'Vitória', 'Isabela', 'Lúcia'],
    male: ['João', 'António', 'Sebastião', 'Gonçalo', 'Simão', 'Estêvão', 'Nélson', 'Zé Carlos', 'Inácio', 'Lourenço', 'Tomé', 'Fábio'],
    family: ['Conceição', 'Gonçalves', 'Magalhães', 'Simões', 'Loureiro', 'Araújo', 'Nhantumbo', 'Macuácua', 'Cossa', 'Mabunda', 'Tembe', 'Sitói'],
    places: ['Maputo', 'Beira', 'Nampula', 'Quelimane', 'Tete', 'Luanda', 'Huambo', 'Lobito', 'Bissau', 'Bafatá'],
  },
  ar: {
    female: ['فاطمة', 'عائشة', 'مريم', 'زينب', 'خديجة', 'آمنة', 'سلمى', 'نور', 'هدى', 'ليلى', 'رقية', 'إسراء'],
    male: ['محمد', 'أحمد', 'علي', 'عمر', 'يوسف', 'إبراهيم', 'حسن', 'خالد', 'مصطفى', 'عبد الله', 'سليمان', 'آدم'],
    family: ['الحسن', 'عبد الرحمن', 'النور', 'إدريس', 'الطيب', 'عثمان', 'البشير', 'الأمين', 'حامد', 'صالح', 'بابكر', 'موسى'],
    places: ['الخرطوم', 'أم درمان', 'كسلا', 'نيالا', 'الفاشر', 'بورتسودان', 'الموصل', 'حلب', 'المفرق', 'طرابلس'],
  },
};
