package com.shopfleet.shop.catalog.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.shopfleet.shop.catalog.category.Categories;
import com.shopfleet.shop.catalog.category.CategoryNode;
import com.shopfleet.shop.catalog.product.ProductAdministration;
import com.shopfleet.shop.catalog.product.ProductDraft;
import com.shopfleet.shop.catalog.product.ProductStatus;

/**
 * The demo catalog of the local profile ({@code shop.catalog.demo.enabled}): 6 categories with 16
 * sub-categories and 208 products with Korean names, real-looking prices and discounts, a few sold out
 * and a few hidden — the same every time (fixed seed). Created through the application services, so
 * every product also goes out as {@code ProductChanged} (the order service builds its replica from it).
 * Runs only on an empty catalog.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
@ConditionalOnProperty(name = "shop.catalog.demo.enabled", havingValue = "true")
class DemoCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private static final String[] VARIANTS = { "베이직", "프리미엄", "라이트", "프로", "슬림", "에센셜", "클래식", "플러스" };
    private static final double[] VARIANT_PRICE = { 0.8, 1.5, 0.9, 1.8, 1.0, 0.85, 1.1, 1.3 };
    private static final int[] DISCOUNTS = { 0, 10, 0, 15, 5, 20, 0, 30, 10, 0, 25, 40, 0, 12 };

    private final Categories categories;
    private final ProductAdministration products;

    DemoCatalog(Categories categories, ProductAdministration products) {
        this.categories = categories;
        this.products = products;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!categories.isEmpty() || !products.isEmpty()) {
            log.info("Demo catalog skipped: the catalog is not empty");
            return;
        }
        Map<String, Long> leafIds = new HashMap<>();
        int order = 0;
        for (Top top : TREE) {
            CategoryNode parent = categories.create(top.name(), null, order++);
            int childOrder = 0;
            for (Leaf leaf : top.leaves()) {
                leafIds.put(leaf.name(), categories.create(leaf.name(), parent.id(), childOrder++).id());
            }
        }
        List<PlannedProduct> plan = plan();
        for (PlannedProduct product : plan) {
            products.create(new ProductDraft(product.name(), product.brand(), leafIds.get(product.leaf()),
                    product.image(), List.of(product.image(), product.image().replace(".webp", "-2.webp")),
                    product.description(), product.price(), product.discountRate(), product.status()),
                    product.stock());
        }
        log.info("Demo catalog created: {} products in {} categories", plan.size(), TREE.size());
    }

    /** The demo products, the same on every call: 13 per sub-category, from a fixed seed. */
    static List<PlannedProduct> plan() {
        Random random = new Random(20_261_126L);
        List<PlannedProduct> plan = new ArrayList<>();
        for (Top top : TREE) {
            for (Leaf leaf : top.leaves()) {
                for (int i = 0; i < 13; i++) {
                    Item item = leaf.items().get(i % leaf.items().size());
                    int variant = (i / leaf.items().size() + i) % VARIANTS.length;
                    String brand = leaf.brands().get(random.nextInt(leaf.brands().size()));
                    long price = Math.max(1_000,
                            Math.round(item.basePrice() * VARIANT_PRICE[variant] / 1_000.0) * 1_000 - 100);
                    int discount = DISCOUNTS[random.nextInt(DISCOUNTS.length)];
                    int number = plan.size() + 1;
                    int stock = number % 17 == 0 ? 0 : 5 + random.nextInt(196);
                    ProductStatus status = number % 29 == 0 ? ProductStatus.HIDDEN : ProductStatus.ON_SALE;
                    String name = VARIANTS[variant] + " " + item.name();
                    String description = brand + "의 " + name + "입니다.\n" + leaf.name() + " 카테고리의 인기 상품으로, "
                            + "꼼꼼한 품질 검수를 거쳐 발송됩니다.\n배송: 평일 오후 2시 이전 주문 시 당일 출고.";
                    plan.add(new PlannedProduct(top.name(), leaf.name(), name, brand, price, discount, stock, status,
                            "/images/products/demo/" + number + ".webp", description));
                }
            }
        }
        return plan;
    }

    record PlannedProduct(String top, String leaf, String name, String brand, long price, int discountRate, int stock,
            ProductStatus status, String image, String description) {
    }

    private record Item(String name, long basePrice) {
    }

    record Leaf(String name, List<String> brands, List<Item> items) {
    }

    record Top(String name, List<Leaf> leaves) {
    }

    private static Item item(String name, long basePrice) {
        return new Item(name, basePrice);
    }

    static final List<Top> TREE = List.of(
            new Top("디지털·가전", List.of(
                    new Leaf("이어폰·헤드폰", List.of("오디오랩", "사운드웨이브", "소리마루"), List.of(
                            item("노이즈캔슬링 무선 이어폰", 159_000), item("오픈형 블루투스 이어폰", 79_000),
                            item("무선 헤드폰", 229_000), item("게이밍 헤드셋", 99_000),
                            item("골전도 이어폰", 139_000))),
                    new Leaf("노트북·태블릿", List.of("한빛컴퓨터", "누리테크", "스마트온"), List.of(
                            item("14인치 울트라북", 1_290_000), item("11인치 태블릿", 549_000),
                            item("태블릿 키보드 케이스", 89_000), item("노트북 거치대", 39_000),
                            item("고속 충전 보조배터리 10000mAh", 29_000))),
                    new Leaf("생활가전", List.of("하루가전", "미소전자", "바른전자"), List.of(
                            item("무선 청소기", 329_000), item("에어프라이어 5.5L", 119_000),
                            item("가습기", 69_000), item("전기포트", 35_000), item("공기청정기", 259_000))))),
            new Top("패션의류", List.of(
                    new Leaf("여성의류", List.of("라온", "봄날", "모아"), List.of(
                            item("린넨 셔츠", 49_000), item("와이드 슬랙스", 59_000), item("니트 가디건", 69_000),
                            item("롱 원피스", 89_000), item("트렌치 코트", 189_000))),
                    new Leaf("남성의류", List.of("한결", "바른옷", "데일리핏"), List.of(
                            item("옥스포드 셔츠", 45_000), item("스트레이트 데님", 69_000), item("후드 티셔츠", 55_000),
                            item("경량 패딩", 129_000), item("울 블레이저", 219_000))),
                    new Leaf("신발", List.of("걸음", "런웨이", "발편한"), List.of(
                            item("러닝화", 119_000), item("가죽 로퍼", 149_000), item("캔버스 스니커즈", 59_000),
                            item("슬립온", 49_000), item("등산화", 179_000))))),
            new Top("뷰티", List.of(
                    new Leaf("스킨케어", List.of("맑음", "수분가득", "초록잎"), List.of(
                            item("수분 크림", 32_000), item("비타민 세럼", 38_000), item("약산성 클렌저", 18_000),
                            item("선크림 SPF50+", 22_000), item("토너 패드", 26_000))),
                    new Leaf("메이크업", List.of("빛담", "코랄", "노을"), List.of(
                            item("쿠션 파운데이션", 36_000), item("립 틴트", 16_000), item("아이섀도 팔레트", 42_000),
                            item("마스카라", 19_000), item("컨실러", 21_000))))),
            new Top("식품", List.of(
                    new Leaf("신선식품", List.of("제주농장", "바다곳간", "초록들"), List.of(
                            item("제주 감귤 5kg", 29_000), item("손질 고등어 1kg", 19_000),
                            item("유기농 샐러드 채소", 12_000), item("한우 불고기 600g", 39_000),
                            item("친환경 달걀 30구", 14_000))),
                    new Leaf("간편식", List.of("한끼", "맛있는집", "엄마손"), List.of(
                            item("왕교자 만두", 11_000), item("즉석 떡볶이", 8_000),
                            item("냉동 볶음밥 6팩", 15_000), item("컵 누룽지", 9_000), item("닭가슴살 10팩", 23_000))),
                    new Leaf("음료·커피", List.of("아침커피", "산들차", "맑은샘"), List.of(
                            item("원두 커피 1kg", 32_000), item("콜드브루 원액", 19_000), item("보리차 티백", 7_000),
                            item("탄산수 24병", 16_000), item("유자차", 12_000))))),
            new Top("생활·주방", List.of(
                    new Leaf("주방용품", List.of("살림연구소", "키친온", "단정"), List.of(
                            item("스테인리스 프라이팬", 45_000), item("법랑 냄비", 69_000), item("실리콘 조리도구 세트", 25_000),
                            item("유리 밀폐용기 세트", 39_000), item("원목 도마", 29_000))),
                    new Leaf("생활용품", List.of("깨끗한날", "하루살림", "포근"), List.of(
                            item("대용량 세탁세제", 19_000), item("극세사 수건 10장", 29_000), item("수납 정리함", 15_000),
                            item("욕실 청소 세트", 17_000), item("섬유유연제", 13_000))),
                    new Leaf("침구", List.of("꿀잠", "포근밤", "구름"), List.of(
                            item("구스 이불", 259_000), item("메모리폼 베개", 49_000), item("순면 침대 커버", 59_000),
                            item("극세사 담요", 35_000), item("토퍼 매트리스", 149_000))))),
            new Top("스포츠·레저", List.of(
                    new Leaf("캠핑", List.of("숲속캠프", "별밤", "들꽃"), List.of(
                            item("원터치 텐트", 189_000), item("캠핑 의자", 49_000), item("LED 랜턴", 29_000),
                            item("캠핑 코펠 세트", 59_000), item("침낭", 89_000))),
                    new Leaf("피트니스", List.of("힘찬", "바디업", "코어핏"), List.of(
                            item("요가 매트", 35_000), item("덤벨 세트", 79_000), item("폼롤러", 25_000),
                            item("스마트 줄넘기", 29_000), item("실내 사이클", 349_000))))));
}
