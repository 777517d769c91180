package id.desaflow.platform.web;

import com.fasterxml.jackson.core.JsonParseException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * JSON must be valid UTF-8 (RFC 8259). Jackson does not always say so: a stray 0xFF byte inside a field name is
 * silently matched to the name without it (found by the fuzz test), so a body that is not UTF-8 could pass. Every
 * JSON body (already capped at 64 KB by the platform) and every JSON part is therefore decoded strictly first.
 */
@ControllerAdvice
public class StrictUtf8 extends RequestBodyAdviceAdapter {

    /** @throws HttpMessageNotReadableException (answered 400 "Bukan JSON yang valid") if the bytes are not UTF-8 */
    public static byte[] check(byte[] json, HttpInputMessage message) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(json));
            return json;
        } catch (CharacterCodingException e) {
            throw new HttpMessageNotReadableException("Body is not UTF-8",
                    new JsonParseException(null, "Invalid UTF-8 in the JSON body"), message);
        }
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converter) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converter) throws IOException {
        MediaType type = message.getHeaders().getContentType();
        if (type != null && (type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset())
                || !(type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json")))) {
            return message; // a declared other charset is decoded as declared; CSV and text are not JSON
        }
        byte[] body;
        try (InputStream in = message.getBody()) {
            body = check(in.readAllBytes(), message);
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return message.getHeaders();
            }
        };
    }
}
