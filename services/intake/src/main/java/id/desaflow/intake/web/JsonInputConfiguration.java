package id.desaflow.intake.web;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Jackson turns {@code 3309014508900001} or {@code true} into a String by default; here a number or boolean where
 * text is expected is a wrong JSON type (400 naming the field), so no value reaches the rules in a shape the
 * resident did not send.
 */
@Configuration(proxyBeanMethods = false)
class JsonInputConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictTextInput() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
